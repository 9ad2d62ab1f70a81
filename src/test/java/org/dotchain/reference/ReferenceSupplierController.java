package org.dotchain.reference;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.dotchain.reference.ReferenceSupplierProperties.Mode;
import org.dotchain.reference.ReferenceSupplierProperties.Transport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tells the reference supplier how to behave (GET/PUT /reference/mode) and shows its stock (GET /reference/stock). */
@RestController
@RequestMapping("/reference")
class ReferenceSupplierController {

    private final SupplierSystem system;
    private final ReferenceSupplierProperties settings;
    private final CamelContext camel;

    ReferenceSupplierController(SupplierSystem system, ReferenceSupplierProperties settings, CamelContext camel) {
        this.system = system;
        this.settings = settings;
        this.camel = camel;
    }

    @GetMapping("/mode")
    Map<String, Object> mode() {
        return Map.of("mode", system.mode(), "suppliers", settings.suppliers());
    }

    /** NORMAL, DOWN, SLOW, REJECT or DUPLICATES. */
    @PutMapping("/mode")
    Map<String, Object> switchTo(@RequestParam Mode mode) throws Exception {
        system.switchTo(mode);
        for (Map.Entry<String, Transport> supplier : settings.suppliers().entrySet()) {
            if (supplier.getValue() == Transport.JMS) {
                String route = ReferenceSupplierRoutes.jmsRouteOf(supplier.getKey());
                if (mode == Mode.DOWN) {
                    camel.getRouteController().suspendRoute(route);
                } else {
                    camel.getRouteController().resumeRoute(route);
                }
            }
        }
        return mode();
    }

    @GetMapping("/stock")
    Map<String, Integer> stock() {
        return system.stock();
    }
}

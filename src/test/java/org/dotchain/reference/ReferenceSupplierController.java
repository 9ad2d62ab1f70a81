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

/**
 * Tells the reference supplier how to behave (GET/PUT /reference/mode), shows its stock (GET /reference/stock) and
 * what it took and sent (GET /reference/tally).
 */
@RestController
@RequestMapping("/reference")
class ReferenceSupplierController {

    private final SupplierSystem system;
    private final ReferenceSupplierProperties settings;
    private final CamelContext camel;
    private final Tally tally;

    ReferenceSupplierController(SupplierSystem system, ReferenceSupplierProperties settings, CamelContext camel,
                                Tally tally) {
        this.tally = tally;
        this.system = system;
        this.settings = settings;
        this.camel = camel;
    }

    @GetMapping("/mode")
    Map<String, Object> mode() {
        return Map.of("mode", system.mode(), "suppliers", settings.suppliers());
    }

    /** NORMAL, DOWN, SLOW, REJECT or DUPLICATES: for every party, or with supplier=&lt;code&gt; for that one alone. */
    @PutMapping("/mode")
    Map<String, Object> switchTo(@RequestParam Mode mode, @RequestParam(required = false) String supplier)
            throws Exception {
        if (supplier == null) {
            system.switchTo(mode);
        } else {
            system.switchTo(supplier, mode);
        }
        for (Map.Entry<String, Transport> jms : settings.suppliers().entrySet()) {
            if (jms.getValue() == Transport.JMS) {
                String route = ReferenceSupplierRoutes.jmsRouteOf(jms.getKey());
                if (system.modeOf(jms.getKey()) == Mode.DOWN) {
                    camel.getRouteController().suspendRoute(route);
                } else {
                    camel.getRouteController().resumeRoute(route);
                }
            }
        }
        return mode();
    }

    /** By message type, what came from the hub (with the subjects that came in more than one message) and went back. */
    @GetMapping("/tally")
    Map<String, Object> tally() {
        return Map.of("taken", tally.taken(), "sent", tally.sent(), "orders", tally.subjects("ORDER"));
    }

    @GetMapping("/stock")
    Map<String, Integer> stock() {
        return system.stock();
    }
}

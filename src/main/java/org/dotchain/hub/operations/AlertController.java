package org.dotchain.hub.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations")
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Alerts that concern you, newest first: all of them for operators and the DPA")
    List<Alerts.AlertView> alerts(@AuthenticationPrincipal HubUser caller) {
        return alerts.visibleTo(caller);
    }
}

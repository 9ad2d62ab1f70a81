package org.dotchain.hub.operations;

import org.dotchain.hub.messaging.OutboxDestinationUnreachable;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An alert, once per outage, when the hub cannot hand a partner's messages to the broker. */
@Component
class PartnerOutageAlerts {

    private final Alerts alerts;
    private final SupplierRepository suppliers;

    PartnerOutageAlerts(Alerts alerts, SupplierRepository suppliers) {
        this.alerts = alerts;
        this.suppliers = suppliers;
    }

    @EventListener
    void raise(OutboxDestinationUnreachable outage) {
        String[] parts = outage.destination().split("\\.");
        Long supplier = parts.length == 3 && parts[0].equals("supplier")
                ? suppliers.findByCode(parts[1]).map(Supplier::getId).orElse(null) : null;
        alerts.raise("PARTNER_UNREACHABLE", "destination", outage.destination() + " since " + outage.since(), null,
                supplier, "Messages for " + outage.destination() + " cannot be handed to the broker; they wait and "
                        + "are tried again, and the other partners' messages go on (the reason: /actuator/health)");
    }
}

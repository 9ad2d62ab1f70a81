package org.dotchain.hub.partners;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.messaging.OutboxPauses;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health's "partners": each partner's connector DOWN, with the reason, while the hub cannot hand its
 * messages to the broker or while its own system does not take them (the last attempt failed), else UP. The hub
 * itself stays UP and ready: one partner away is that partner's trouble, not the hub's, and a probe that restarted
 * the hub for it would stop every other partner's messages too.
 */
@Component("partnersHealthIndicator")
class PartnersHealth implements HealthIndicator {

    private final Partners partners;
    private final OutboxPauses pauses;
    private final ConnectorDeliveries deliveries;

    PartnersHealth(Partners partners, OutboxPauses pauses, ConnectorDeliveries deliveries) {
        this.partners = partners;
        this.pauses = pauses;
        this.deliveries = deliveries;
    }

    @Override
    public Health health() {
        List<OutboxPauses.Pause> waiting = pauses.current();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Partner partner : partners.all()) {
            var queues = partners.queuesOf(partner.getCode());
            var down = waiting.stream().filter(pause -> queues.contains(pause.destination())).toList();
            var delivery = deliveries.of(partner.getCode());
            boolean refusing = delivery.map(ConnectorDeliveries.Delivery::down).orElse(false);
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", down.isEmpty() && !refusing ? "UP" : "DOWN");
            down.forEach(pause -> status.put(pause.destination(), Map.of("reason", pause.reason(),
                    "since", pause.since().toString(), "nextTry", pause.until().toString())));
            delivery.ifPresent(known -> {
                Map<String, Object> system = new LinkedHashMap<>();
                if (known.lastSuccess() != null) {
                    system.put("lastSuccess", known.lastSuccess().toString());
                }
                if (known.down()) {
                    system.put("reason", "its system " + known.reason());
                    system.put("failedAttempts", known.failuresSince());
                    system.put("lastFailure", known.lastFailure().toString());
                }
                status.put("system", system);
            });
            details.put(partner.getCode(), status);
        }
        return Health.up().withDetails(details).build();
    }
}

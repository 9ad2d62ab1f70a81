package org.dotchain.hub.partners;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.messaging.OutboxPauses;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health's "partners": each partner DOWN, with the reason, while the hub cannot hand its messages to the
 * broker, else UP. The hub itself stays UP: one partner away is that partner's trouble, not the hub's, and a probe
 * that restarted the hub for it would stop every other partner's messages too.
 */
@Component("partnersHealthIndicator")
class PartnersHealth implements HealthIndicator {

    private final Partners partners;
    private final OutboxPauses pauses;

    PartnersHealth(Partners partners, OutboxPauses pauses) {
        this.partners = partners;
        this.pauses = pauses;
    }

    @Override
    public Health health() {
        List<OutboxPauses.Pause> waiting = pauses.current();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Partner partner : partners.all()) {
            var queues = partners.queuesOf(partner.getCode());
            var down = waiting.stream().filter(pause -> queues.contains(pause.destination())).toList();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", down.isEmpty() ? "UP" : "DOWN");
            down.forEach(pause -> status.put(pause.destination(), Map.of("reason", pause.reason(),
                    "since", pause.since().toString(), "nextTry", pause.until().toString())));
            details.put(partner.getCode(), status);
        }
        return Health.up().withDetails(details).build();
    }
}

package org.dotchain.hub.partners;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every attempt to hand a message to a partner's own system (its REST endpoint, its SOAP service), as the outbound
 * connector routes make it (exchange property hubPartner): counted by partner and outcome, the last success kept,
 * and a partner whose last attempt failed known as down, with a plain reason, until one succeeds again.
 */
@Component
class ConnectorDeliveries extends EventNotifierSupport {

    /** One partner's deliveries as they stand. */
    record Delivery(Instant lastSuccess, Instant lastFailure, String reason, int failuresSince) {

        public boolean down() {
            return failuresSince > 0;
        }
    }

    private final Map<String, Delivery> partners = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final ObjectProvider<Partners> known;
    private final MeterRegistry registry;
    private final Clock clock;

    /** @param known the partners, asked for once the hub is up (they are Camel's beans, made with its context) */
    ConnectorDeliveries(ObjectProvider<Partners> known, MeterRegistry registry, Clock clock) {
        this.known = known;
        this.registry = registry;
        this.clock = clock;
    }

    /** Every partner's figures from the start, at 0, so that a rule reads them before a first delivery. */
    @EventListener(ApplicationReadyEvent.class)
    void everyPartnersFigures() {
        known.getObject().all().forEach(partner -> meters(partner.getCode()));
    }

    /** The partner's deliveries, if it had any since the hub started. */
    Optional<Delivery> of(String partner) {
        return Optional.ofNullable(partners.get(partner));
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        CamelEvent.ExchangeSentEvent sent = (CamelEvent.ExchangeSentEvent) event;
        Exchange exchange = sent.getExchange();
        String partner = exchange.getProperty("hubPartner", String.class);
        String uri = sent.getEndpoint().getEndpointUri();
        if (partner == null || uri.startsWith("jms:")) {
            // not a delivery, or its dead letter going to the broker
            return;
        }
        Instant now = clock.instant();
        Exception failure = exchange.getException();
        meters(partner);
        partners.compute(partner, (code, before) -> failure == null
                ? new Delivery(now, before == null ? null : before.lastFailure(), before == null ? null
                : before.reason(), 0)
                : new Delivery(before == null ? null : before.lastSuccess(), now, DeliveryReasons.reasonOf(failure),
                (before == null ? 0 : before.failuresSince()) + 1));
        counters.get(partner + (failure == null ? ":delivered" : ":failed")).increment();
    }

    /** The partner's meters, made once. */
    private void meters(String partner) {
        if (counters.containsKey(partner + ":failed")) {
            return;
        }
        for (String outcome : new String[] {"delivered", "failed"}) {
            counters.computeIfAbsent(partner + ":" + outcome, key -> Counter.builder("hub.partner.deliveries")
                    .description("Attempts to hand a message to a partner's system").tag("partner", partner)
                    .tag("outcome", outcome).register(registry));
        }
        Gauge.builder("hub.partner.last.success", this, deliveries -> deliveries.of(partner)
                        .map(Delivery::lastSuccess).map(Instant::getEpochSecond).orElse(0L))
                .description("When the hub last handed a message to the partner's system (epoch seconds, 0: not "
                        + "since it started)").tag("partner", partner).register(registry);
        Gauge.builder("hub.partner.connector.up", this, deliveries -> deliveries.of(partner)
                        .map(Delivery::down).orElse(false) ? 0 : 1)
                .description("1 while the partner's system takes its messages (or none was tried yet), 0 while "
                        + "its last attempt failed, as its connector's health says").tag("partner", partner)
                .register(registry);
    }
}

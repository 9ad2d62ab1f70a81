package org.dotchain.hub.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * How the hub took each partner message it has finished with, by order number: applied ("accepted") or a repeat of
 * one applied before ("duplicate"). A test waits on these instead of sleeping until late copies have arrived.
 */
@Component
public class InboundTally extends EventNotifierSupport {

    private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();

    InboundTally(CamelContext camel) {
        camel.getManagementStrategy().addEventNotifier(this);
        ServiceHelper.startService(this);
    }

    /** How many of the order's messages were taken so: "accepted" or "duplicate". */
    public int of(String orderNumber, String acknowledgement) {
        AtomicInteger count = taken.get(orderNumber + "/" + acknowledgement);
        return count == null ? 0 : count.get();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
        String acknowledgement = exchange.getProperty(InboundAnswers.ACKNOWLEDGEMENT, String.class);
        JsonNode message = exchange.getProperty(PartnerInbox.MESSAGE, JsonNode.class);
        if (acknowledgement != null && message != null && message.hasNonNull("orderNumber")) {
            taken.computeIfAbsent(message.get("orderNumber").asText() + "/" + acknowledgement,
                    key -> new AtomicInteger()).incrementAndGet();
        }
    }
}

package org.dotchain.hub.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.MessageHistory;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.URISupport;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every exchange a route completes or fails, as Camel saw it: counted per route and minute for the console's charts,
 * and, when it is about an order, a certificate or an offer (header hubCorrelationId), kept as a hop of that
 * reference's trace, with Camel's message history of the steps it took, where it went and the message itself
 * (written by {@link HopWriter}, apart from the exchange).
 */
@Component("messageHops")
public class MessageHops extends EventNotifierSupport {

    private static final String CORRELATION = PartnerHeaders.CORRELATION;
    /** Longer text values of a message (a PDF, a CMS signature in Base64) are left out of its trace. */
    private static final int MAX_VALUE = 500;
    private static final String DESTINATION = "hubHopDestination";
    private static final String PARTNER_ENDPOINT = "hubHopPartnerEndpoint";
    private static final String SENT_BODY = "hubHopBody";
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouteActivity activity;
    private final JdbcTemplate db;
    private final HopWriter writer;
    private final Duration retention;
    private final Clock clock;

    MessageHops(RouteActivity activity, JdbcTemplate db, HopWriter writer,
                @Value("${hub.operations.trace-retention:P90D}") Duration retention, Clock clock) {
        this.activity = activity;
        this.db = db;
        this.writer = writer;
        this.retention = retention;
        this.clock = clock;
    }

    /** Forgets the hops older than hub.operations.trace-retention; answers how many. */
    public int forgetOld() {
        return db.update("delete from message_hop where started_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCreatedEvent || event instanceof CamelEvent.ExchangeSendingEvent
                || event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeCreatedEvent created) {
            remember(created.getExchange());
            return;
        }
        if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
            remember(sending);
            return;
        }
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (exchange.getFromRouteId() == null || exchange.getProperty(ExchangePropertyKey.SPLIT_INDEX) != null
                || exchange.getProperty(ExchangePropertyKey.MULTICAST_INDEX) != null) {
            // not a route's own exchange, or a split's part of one
            return;
        }
        boolean failed = event instanceof CamelEvent.ExchangeFailedEvent;
        activity.record(exchange.getFromRouteId(), failed);
        // set by a route on the way (partner-inbound, the outbox relay), or as the exchange came
        String correlation = exchange.getMessage().getHeader(CORRELATION, String.class);
        if (correlation == null) {
            correlation = exchange.getProperty(CORRELATION, String.class);
        }
        if (correlation != null && !correlation.isBlank()) {
            keep(exchange, correlation, failed);
        }
    }

    /**
     * A message of the hub's own queues (the outbox relay wrote its correlation id) as it came, before a route turns
     * it into something else or drops its headers. A partner's inbound message has its correlation id from its
     * body (partner-inbound), never from a header the partner set.
     */
    private void remember(Exchange exchange) {
        String from = exchange.getFromEndpoint() == null ? "" : exchange.getFromEndpoint().getEndpointUri();
        if (!from.startsWith("jms:") || from.contains(".inbound")) {
            return;
        }
        String correlation = exchange.getMessage().getHeader(CORRELATION, String.class);
        if (correlation != null) {
            exchange.setProperty(CORRELATION, correlation);
            exchange.setProperty(SENT_BODY, text(exchange, exchange.getMessage().getBody()));
        }
    }

    /** Where an exchange hands its message to another system, and the message as it went. */
    private void remember(CamelEvent.ExchangeSendingEvent sending) {
        String uri = sending.getEndpoint().getEndpointUri();
        String scheme = uri.split(":", 2)[0];
        Exchange exchange = sending.getExchange();
        if (scheme.startsWith("http") || scheme.equals("cxf")) {
            exchange.setProperty(PARTNER_ENDPOINT, withoutQuery(uri));
        }
        if (scheme.equals("jms") || scheme.startsWith("http") || scheme.equals("cxf")) {
            exchange.setProperty(DESTINATION, withoutQuery(uri));
            String sent = text(exchange, exchange.getMessage().getBody());
            if (sent != null) {
                exchange.setProperty(SENT_BODY, sent);
            }
        }
    }

    private void keep(Exchange exchange, String correlation, boolean failed) {
        String source = withoutQuery(exchange.getFromEndpoint().getEndpointUri());
        String partnerEndpoint = exchange.getProperty(PARTNER_ENDPOINT, String.class);
        String destination = partnerEndpoint != null ? partnerEndpoint : exchange.getProperty(DESTINATION, String.class);
        String deadLetterReason = exchange.getMessage().getHeader(PartnerHeaders.DEAD_LETTER_REASON, String.class);
        String outcome = failed ? "FAILED" : deadLetterReason != null ? "DEAD_LETTERED" : "DONE";
        String reason = failed ? reasonOf(exchange.getException()) : deadLetterReason;
        // a partner's message as partner-inbound read it, else the hub's as it was sent
        JsonNode inbound = exchange.getProperty("hubMessage", JsonNode.class);
        String body = shown(inbound != null ? inbound.toString() : exchange.getProperty(SENT_BODY, String.class));
        String type = inbound != null ? inbound.path("messageType").asText(null)
                : exchange.getMessage().getHeader("hubMessageType", String.class);
        writer.write(new Object[] {cut(correlation, 64), exchange.getFromRouteId(), transport(source, destination),
                cut(source, 300), cut(destination, 300), cut(type, 64),
                cut(exchange.getMessage().getHeader("hubMessageId", String.class), 100),
                Timestamp.from(Instant.ofEpochMilli(exchange.getClock().getCreated())), exchange.getClock().elapsed(),
                outcome, cut(reason, 500), cut(steps(exchange), 2000), cut(body, MAX_BODY)});
    }

    /** The steps the exchange went through, from Camel's message history. */
    private static String steps(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<MessageHistory> history = exchange.getProperty(ExchangePropertyKey.MESSAGE_HISTORY, List.class);
        return history == null ? "" : history.stream().map(step -> step.getNode().getId())
                .collect(Collectors.joining(" → "));
    }

    /** Over which transport the message came or went: a partner's REST or SOAP first, then the broker's queues. */
    static String transport(String source, String destination) {
        String from = kind(source);
        String to = destination == null ? "HUB" : kind(destination);
        if (from.equals("REST") || from.equals("SOAP")) {
            return from;
        }
        return to.equals("REST") || to.equals("SOAP") || from.equals("OUTBOX") || from.equals("HUB") ? to : from;
    }

    private static String kind(String uri) {
        String scheme = uri.split(":", 2)[0];
        return switch (scheme) {
            case "jms" -> "JMS";
            case "http", "https", "platform-http", "rest", "rest-openapi" -> "REST";
            case "cxf" -> "SOAP";
            case "jpa" -> "OUTBOX";
            default -> "HUB";
        };
    }

    /** A failure as an operator reads it: its message with no credentials or options, never a trace. */
    private static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause == null || cause.getMessage() == null ? "failed" : URISupport.sanitizeUri(cause.getMessage());
    }

    /**
     * An endpoint as the routes write it: no credentials, no options (they may hold secrets), jms:queue:x rather than
     * jms://queue:x.
     */
    private static String withoutQuery(String uri) {
        // the options cut before the credentials are masked: the outbox relay's endpoint holds its whole query,
        // which the masking's expressions took most of the relay's time to read, message by message
        int query = uri.indexOf('?');
        String endpoint = URISupport.sanitizeUri(query < 0 ? uri : uri.substring(0, query));
        return endpoint.startsWith("http") ? endpoint : endpoint.replaceFirst("^([a-z0-9-]+)://", "$1:");
    }

    /** A JSON message with its long values (documents, signatures) left out; another message as it is. */
    private static String shown(String body) {
        if (body == null || !body.startsWith("{")) {
            return body;
        }
        try {
            JsonNode message = JSON.readTree(body);
            shorten(message);
            return message.toString();
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    private static void shorten(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getValue().isTextual() && field.getValue().asText().length() > MAX_VALUE) {
                    object.put(field.getKey(), "(" + field.getValue().asText().length() + " characters left out)");
                } else {
                    shorten(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(MessageHops::shorten);
        }
    }

    private static String text(Exchange exchange, Object body) {
        return body instanceof String text ? text
                : body instanceof byte[] || body instanceof CharSequence
                ? exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body) : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

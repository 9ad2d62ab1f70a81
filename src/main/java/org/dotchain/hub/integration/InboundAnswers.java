package org.dotchain.hub.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.partners.DeliveryReasons;
import org.dotchain.hub.platform.Problems;
import org.dotchain.hub.platform.TextHygiene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * What a partner's transport answers, for the route configurations of routes/error-handling.camel.yaml and the
 * transport templates: a taken message's acknowledgement, and a refusal as the transport says it. One mapping for
 * all ({@link Problems#of(Throwable)}): the same failure is the same problem type over REST, the same fault detail
 * over SOAP and the same dead-letter reason over JMS. A failure that is not a refusal (the database briefly away, a
 * lock timeout) may pass a moment later: over JMS it is tried again with back-off, over REST and SOAP the partner
 * is told to send again.
 */
@Component("inboundAnswers")
public class InboundAnswers {

    private static final Logger log = LoggerFactory.getLogger(InboundAnswers.class);

    /** How a message was taken: accepted (applied now) or duplicate (applied before, nothing changes). */
    static final String ACKNOWLEDGEMENT = "hubAcknowledgement";
    static final int RETRY_AFTER_SECONDS = 30;
    /** How soon a partner beyond its limits may send again. */
    static final int THROTTLED_RETRY_AFTER_SECONDS = 1;
    /** The contracts' longest message id. */
    static final int MESSAGE_ID_LENGTH = 100;

    private final ObjectMapper json;

    InboundAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** The refusal the failure is, or "unavailable": the hub could not take the message now. */
    static ProblemDetail problemOf(Throwable failure) {
        if (failure instanceof ThrottlerRejectedExecutionException) {
            return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "More messages than the partner's "
                    + "limits allow at a time; send this one again shortly");
        }
        if (failure instanceof JsonValidationException invalid) {
            return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-message", contractBreaches(invalid));
        }
        return Problems.of(failure).orElseGet(() -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The hub cannot take the message now; send it again later"));
    }

    /** What the message breaks of its contract, each point as the schema says it (not the exchange it came on). */
    private static String contractBreaches(JsonValidationException invalid) {
        if (invalid.getErrors() == null || invalid.getErrors().isEmpty()) {
            return "The message does not fit its contract";
        }
        return "The message does not fit its contract: " + invalid.getErrors().stream()
                .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }

    /**
     * Over JMS, a failure that is not a refusal is given again by the broker, until it has been given the number of
     * retries after the first delivery.
     */
    public boolean redeliverByBroker(Exchange exchange, int retries) {
        return "jms".equals(exchange.getProperty("hubTransport"))
                && problemOf(caught(exchange)).getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && exchange.getIn().getHeader("JMSXDeliveryCount", 1, Integer.class) <= retries;
    }

    /** 202, and whether the message was applied now or before. */
    public void acknowledgeOverRest(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.createObjectNode()
                .put("messageId", exchange.getProperty("hubMessageId", String.class))
                .put("status", exchange.getProperty(ACKNOWLEDGEMENT, "accepted", String.class)).toString());
    }

    public void acknowledgeOverSoap(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(SoapMessages.acknowledgement(exchange.getProperty("hubMessageId", String.class),
                exchange.getProperty(ACKNOWLEDGEMENT, String.class)));
    }

    /** The refusal as problem+json, with the reason and nothing of the hub's insides. */
    public void problem(Exchange exchange) {
        ProblemDetail problem = problemOf(caught(exchange));
        logRefusal(exchange, problem, known(exchange, "hubMessageId"));
        ObjectNode body = json.createObjectNode()
                .put("type", String.valueOf(problem.getType()))
                .put("status", problem.getStatus())
                .put("detail", problem.getDetail() == null ? "" : problem.getDetail());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.getStatus());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            exchange.getMessage().setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (isThrottled(problem)) {
            exchange.getMessage().setHeader(HttpHeaders.RETRY_AFTER, THROTTLED_RETRY_AFTER_SECONDS);
        }
        exchange.getMessage().setBody(body.toString());
    }

    /** The refusal as the contract's SOAP fault: a client fault whose detail is the refusal, or a server fault. */
    public void fault(Exchange exchange) {
        ProblemDetail problem = problemOf(caught(exchange));
        String type = typeOf(problem);
        if (problem.getStatus() >= 500) {
            // the refusal's line is the fault's (SoapSignatures); the cause, for the operator, is this one
            log.warn("Message {} of partner {} over soap could not be taken now: {}",
                    known(exchange, "hubMessageId"), known(exchange, "hubSender"),
                    caught(exchange) == null ? "" : oneLine(caught(exchange).getMessage()));
        }
        // beyond its limits, the partner sends again shortly: a server fault, which the contract has it resend
        exchange.getMessage().setBody(SoapRefusals.fault(type, problem.getDetail(),
                problem.getStatus() < 500 && !isThrottled(problem)));
    }

    private static boolean isThrottled(ProblemDetail problem) {
        return problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value();
    }

    /**
     * A partner's message the hub refused, dead-lettered with the refusal as the other transports say it, and which
     * message it is, so that an operator can decide between replaying and discarding it.
     */
    public void deadLetter(Exchange exchange) {
        ProblemDetail problem = problemOf(caught(exchange));
        deadLetter(exchange, typeOf(problem) + ": " + problem.getDetail());
        logRefusal(exchange, problem, oneLine(exchange.getIn().getHeader("hubMessageId", String.class)));
    }

    /**
     * A message to a partner that could not be delivered, dead-lettered with what the delivery met, in words: the
     * partner's system reads its own queues' dead letters too.
     */
    public void undeliverable(Exchange exchange) {
        Exception cause = caught(exchange);
        String reason = "the partner's system " + DeliveryReasons.reasonOf(cause);
        deadLetter(exchange, reason);
        log.warn("Message {} to partner {} is a dead letter: {} ({})", exchange.getIn().getHeader("hubMessageId"),
                known(exchange, PartnerHeaders.PARTNER), reason, cause == null ? "" : oneLine(cause.getMessage()));
    }

    /**
     * One line for a refused message, with what the partner is told; a failure that is not a refusal, the cause
     * too, for the operator (a line, not a stack trace: the refusal is the partner's to mend, or passes later).
     */
    private static void logRefusal(Exchange exchange, ProblemDetail problem, String messageId) {
        if (isThrottled(problem)) {
            // a flood would flood the log too: the refused requests count among the route's handled failures
            // (camel_exchanges_failures_handled_total{routeId="rest-inbound"} and the SOAP routes')
            log.debug("Throttled message {} of partner {}", messageId, known(exchange, "hubSender"));
            return;
        }
        Exception cause = caught(exchange);
        boolean refusal = problem.getStatus() < 500;
        log.info("Refused message {} of partner {} over {}: {}: {}{}", messageId.isEmpty() ? "(unknown)" : messageId,
                known(exchange, "hubSender"), exchange.getProperty("hubTransport"),
                typeOf(problem), oneLine(problem.getDetail()),
                refusal || cause == null ? "" : " (" + oneLine(cause.getMessage()) + ")");
    }

    private void deadLetter(Exchange exchange, String reason) {
        exchange.getIn().setHeader(PartnerHeaders.DEAD_LETTER_REASON, reason);
        if (exchange.getIn().getHeader("hubMessageId") != null) {
            return;
        }
        try {
            String messageId = json.readTree(exchange.getIn().getBody(String.class)).path("messageId").asText("");
            // the id as a header only if it is one: the refused message may be refused for this very text
            boolean usable = messageId.length() <= MESSAGE_ID_LENGTH && TextHygiene.isClean(messageId);
            exchange.getIn().setHeader("hubMessageId", usable ? messageId : "");
        } catch (Exception notJson) {
            exchange.getIn().setHeader("hubMessageId", "");
        }
    }

    /**
     * What the hub itself has found out about the message so far (its exchange properties; not a header a request may
     * have brought).
     */
    private static String known(Exchange exchange, String name) {
        Object value = exchange.getProperty(name);
        return value != null ? oneLine(value.toString()) : "(unknown)";
    }

    /** The problem's type as the transports name it: invalid-message, not /problems/invalid-message. */
    private static String typeOf(ProblemDetail problem) {
        return String.valueOf(problem.getType()).replace("/problems/", "");
    }

    /** A partner's text in the log stays on its line: a newline in it cannot forge the next one. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }

    /** The failure: still on the exchange while its redelivery is decided, caught once it is handled. */
    private static Exception caught(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}

package org.dotchain.hub.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.platform.Problems;
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

    /** How a message was taken: accepted (applied now) or duplicate (applied before, nothing changes). */
    static final String ACKNOWLEDGEMENT = "hubAcknowledgement";
    static final int RETRY_AFTER_SECONDS = 30;

    private final ObjectMapper json;

    InboundAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** The refusal the failure is, or "unavailable": the hub could not take the message now. */
    static ProblemDetail problemOf(Throwable failure) {
        if (failure instanceof JsonValidationException) {
            return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-message", failure.getMessage());
        }
        return Problems.of(failure).orElseGet(() -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The hub cannot take the message now; send it again later"));
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
        ObjectNode body = json.createObjectNode()
                .put("type", String.valueOf(problem.getType()))
                .put("status", problem.getStatus())
                .put("detail", problem.getDetail() == null ? "" : problem.getDetail());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.getStatus());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            exchange.getMessage().setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        exchange.getMessage().setBody(body.toString());
    }

    /** The refusal as the contract's SOAP fault: a client fault whose detail is the refusal, or a server fault. */
    public void fault(Exchange exchange) {
        ProblemDetail problem = problemOf(caught(exchange));
        String type = String.valueOf(problem.getType()).replace("/problems/", "");
        exchange.getMessage().setBody(SoapRefusals.fault(type, problem.getDetail(), problem.getStatus() < 500));
    }

    /**
     * The dead letter says why, and which message it is, so that an operator can decide between replaying and
     * discarding it.
     */
    public void deadLetter(Exchange exchange) {
        Exception cause = caught(exchange);
        exchange.getIn().setHeader(PartnerHeaders.DEAD_LETTER_REASON,
                cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        if (exchange.getIn().getHeader("hubMessageId") != null) {
            return;
        }
        try {
            String messageId = json.readTree(exchange.getIn().getBody(String.class)).path("messageId").asText("");
            exchange.getIn().setHeader("hubMessageId", messageId);
        } catch (Exception notJson) {
            exchange.getIn().setHeader("hubMessageId", "");
        }
    }

    /** The failure: still on the exchange while its redelivery is decided, caught once it is handled. */
    private static Exception caught(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}

package org.dotchain.hub.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.dotchain.contracts.suppliermessages.v1.HubOrders;
import org.dotchain.contracts.suppliermessages.v1.SupplierMessages;
import org.dotchain.hub.catalog.SupplierRepository;
import org.dotchain.hub.messaging.SupplierHeaders;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.signing.SignatureRejectedException;
import org.dotchain.hub.signing.SigningRefusedException;
import org.springframework.stereotype.Component;

/**
 * Route templates of the supplier transports; a connector file in connectors/ instantiates them for one supplier.
 * Java, because a template's error handling (a dead-letter queue per supplier, in the route's own transaction) does
 * not fit the YAML DSL, which has no route-scoped onException. Listed in routes/README.md.
 */
@Component
class SupplierTransportRoutes extends RouteBuilder {

    static final String REST_CONTRACT = "connectors/contracts/supplier-messages-v1.openapi.yaml";

    private final SupplierRepository suppliers;

    SupplierTransportRoutes(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    public void configure() {
        // The transaction is this route's: the canonical route's effect and message id are rolled back together
        // when anything fails, and the message then goes to the supplier's dead letters with the reason, once.
        routeTemplate("supplier-jms-inbound")
                .templateParameter("supplier")
                .from("jms:queue:supplier.{{supplier}}.inbound?transacted=true")
                .onException(Exception.class)
                    .handled(true).useOriginalMessage()
                    .process(SupplierTransportRoutes::recordReason)
                    .to("jms:queue:supplier.{{supplier}}.inbound.DLQ")
                    .markRollbackOnlyLast()
                .end()
                .transacted()
                .setHeader(SupplierHeaders.SUPPLIER, constant("{{supplier}}"))
                .to("direct:supplier-inbound");

        outbound();

        // REST, contract first: the hub's operation of the OpenAPI document (sendMessageToHub) is this route. Any
        // known supplier may post, signed with its own key; the answer is 202, or problem+json.
        rest().openApi().specification(REST_CONTRACT).missingOperation("ignore");
        RouteDefinition rest = from("direct:sendMessageToHub").routeId("supplier-rest-inbound");
        refusals(rest, SupplierTransportRoutes::problem);
        rest.setHeader(SupplierHeaders.SUPPLIER, header("supplier"))
                .removeHeader("supplier")
                .process(this::refuseUnknownSupplier)
                .convertBodyTo(String.class)
                .process(SupplierTransportRoutes::refuseOversized)
                .transacted()
                .bean("requestSignatures", "verify")
                .to("direct:supplier-inbound")
                .process(SupplierTransportRoutes::acknowledgeOverRest);

        // SOAP: the contract's WSDL served by CXF; SoapSignatures checks size and signature before parsing, CXF
        // validates against the XSD, the canonical route does the rest. The answer is an acknowledgement, or a fault.
        RouteDefinition soap = routeTemplate("supplier-soap-inbound")
                .templateParameter("supplier")
                .from(SoapMessages.endpoint("/suppliers/{{supplier}}", SupplierMessages.class, "{{supplier}}"));
        refusals(soap, (status, type) -> exchange -> {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            exchange.getMessage().setBody(SoapRefusals.fault(type, cause == null ? null : cause.getMessage()));
        });
        soap.process(SoapMessages::requestToJson)
                .setHeader(SupplierHeaders.SUPPLIER, constant("{{supplier}}"))
                .transacted()
                .to("direct:supplier-inbound")
                .removeHeaders("*")
                .setBody(exchange -> SoapMessages.acknowledgement(exchange.getProperty("hubMessageId", String.class),
                        exchange.getProperty(ACKNOWLEDGEMENT, String.class)));
    }

    /**
     * What a refused inbound request gets, by the reason: the same four refusals over REST and SOAP. The
     * transaction is rolled back, so a refused message changes nothing and its id is not recorded.
     */
    static void refusals(RouteDefinition route, BiFunction<Integer, String, Processor> answer) {
        route.onException(SupplierAuthenticationException.class)
                .handled(true).process(answer.apply(401, "unauthenticated-supplier")).markRollbackOnlyLast().end();
        route.onException(NoSuchElementException.class)
                .handled(true).process(answer.apply(404, "not-found")).markRollbackOnlyLast().end();
        route.onException(IllegalOrderTransitionException.class)
                .handled(true).process(answer.apply(409, "illegal-transition")).markRollbackOnlyLast().end();
        route.onException(InvalidSupplierMessageException.class, JsonValidationException.class,
                        IllegalArgumentException.class, SigningRefusedException.class, SignatureRejectedException.class)
                .handled(true).process(answer.apply(422, "invalid-message")).markRollbackOnlyLast().end();
    }

    static final int MAX_MESSAGE_BYTES = 1_048_576;
    /** How a message was taken: accepted (applied now) or duplicate (applied before, nothing changes). */
    static final String ACKNOWLEDGEMENT = "hubAcknowledgement";

    /** 202, and whether the message was applied now or before. */
    static void acknowledgeOverRest(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(MESSAGE_IDS.createObjectNode()
                .put("messageId", exchange.getProperty("hubMessageId", String.class))
                .put("status", exchange.getProperty(ACKNOWLEDGEMENT, "accepted", String.class)).toString());
    }

    /**
     * Orders, pre-order requests and cancellations for a REST or SOAP supplier: taken from its queue and sent, signed,
     * to its endpoint with the message id the outbox gave them. A failed delivery is retried with exponential back-off
     * and jitter; after the last retry the message goes to supplier.&lt;code&gt;.orders.DLQ with the reason, for an
     * operator to replay.
     */
    private void outbound() {
        // REST: POSTed as JSON with the message id in the header hubMessageId
        outboundTemplate("supplier-rest-outbound")
                .bean("requestSignatures", "signOutbound")
                // the contract's headers go out (hubMessageId, hubMessageType, the signature), not the hub's own
                .removeHeader(SupplierHeaders.SUPPLIER)
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{endpoint}}?throwExceptionOnFailure=true");

        // SOAP: the contract's HubOrders operation for the message, with the message id in the message
        outboundTemplate("supplier-soap-outbound")
                .process(SoapMessages::jsonToRequest)
                .to(SoapMessages.endpoint("//{{endpoint}}", HubOrders.class, "{{supplier}}"));
    }

    private ProcessorDefinition<?> outboundTemplate(String name) {
        RouteDefinition route = routeTemplate(name)
                .templateParameter("supplier")
                .templateParameter("endpoint")
                .templateParameter("retries", "5")
                .templateParameter("retryDelayMs", "1000")
                .from("jms:queue:supplier.{{supplier}}.orders?transacted=true");
        retryThenDeadLetter(route, "{{retries}}", "{{retryDelayMs}}", "supplier.{{supplier}}.orders.DLQ");
        return route.setHeader(SupplierHeaders.SUPPLIER, constant("{{supplier}}"))
                .convertBodyTo(String.class)
                .removeHeaders("JMS*")
                .removeHeader("_AMQ_DUPL_ID");
    }

    /**
     * A delivery that fails is retried with exponential back-off and jitter; after the last retry the message goes
     * to the dead-letter queue with the reason, for an operator to replay or discard.
     */
    static void retryThenDeadLetter(RouteDefinition route, String retries, String firstDelayMs, String deadLetters) {
        route.onException(Exception.class)
                .maximumRedeliveries(retries).redeliveryDelay(firstDelayMs)
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(60_000)
                .useCollisionAvoidance().retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true).useOriginalMessage()
                .process(SupplierTransportRoutes::recordReason)
                .to("jms:queue:" + deadLetters)
                .end();
    }

    /**
     * Only a supplier of the hub's has a key to sign with; no other code may make one appear. An unknown code is
     * refused like a bad signature, so that the answer does not tell which suppliers exist.
     */
    private void refuseUnknownSupplier(Exchange exchange) {
        String supplier = exchange.getIn().getHeader(SupplierHeaders.SUPPLIER, String.class);
        if (supplier == null || suppliers.findByCode(supplier).isEmpty()) {
            throw new SupplierAuthenticationException("The request is not signed by a supplier of the hub");
        }
    }

    static void refuseOversized(Exchange exchange) {
        String body = exchange.getIn().getBody(String.class);
        if (body != null && body.length() > MAX_MESSAGE_BYTES) {
            throw new InvalidSupplierMessageException("The message is larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
    }

    /** The refusal as problem+json, with the reason. */
    static Processor problem(int status, String type) {
        return exchange -> {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String detail = cause == null ? "" : cause.getMessage();
            exchange.getIn().removeHeaders("*");
            exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
            exchange.getIn().setBody(MESSAGE_IDS.writeValueAsString(java.util.Map.of(
                    "type", "/problems/" + type, "status", status, "detail", detail == null ? "" : detail)));
        };
    }

    /**
     * The dead letter says why, and which message it is, so that an operator can decide between replaying and
     * discarding it.
     */
    static void recordReason(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getIn().setHeader(SupplierHeaders.DEAD_LETTER_REASON,
                cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        if (exchange.getIn().getHeader("hubMessageId") != null) {
            return;
        }
        try {
            String messageId = MESSAGE_IDS.readTree(exchange.getIn().getBody(String.class)).path("messageId").asText("");
            exchange.getIn().setHeader("hubMessageId", messageId);
        } catch (Exception notJson) {
            exchange.getIn().setHeader("hubMessageId", "");
        }
    }

    private static final ObjectMapper MESSAGE_IDS = new ObjectMapper();
}

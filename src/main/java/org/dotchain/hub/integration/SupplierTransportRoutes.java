package org.dotchain.hub.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route templates of the supplier transports; a connector file in connectors/ instantiates them for one supplier.
 * Java, because a template's error handling (a dead-letter queue per supplier, in the route's own transaction) does
 * not fit the YAML DSL, which has no route-scoped onException. Listed in routes/README.md.
 */
@Component
class SupplierTransportRoutes extends RouteBuilder {

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
    }

    /**
     * The dead letter says why, and which message it is, so that an operator can decide between replaying and
     * discarding it.
     */
    static void recordReason(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getIn().setHeader(SupplierHeaders.DEAD_LETTER_REASON,
                cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        try {
            String messageId = MESSAGE_IDS.readTree(exchange.getIn().getBody(String.class)).path("messageId").asText("");
            exchange.getIn().setHeader("hubMessageId", messageId);
        } catch (Exception notJson) {
            exchange.getIn().setHeader("hubMessageId", "");
        }
    }

    private static final ObjectMapper MESSAGE_IDS = new ObjectMapper();
}

package org.dotchain.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.dotchain.contracts.suppliermessages.v1.HubOrders;
import org.dotchain.contracts.suppliermessages.v1.SupplierMessages;
import org.dotchain.hub.integration.SoapMessages;
import org.dotchain.hub.integration.SupplierHeaders;
import org.dotchain.hub.integration.SupplierKeys;
import org.dotchain.reference.ReferenceSupplierProperties.Mode;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The reference supplier's routes: per supplier, the hub's messages in and its own messages out over the supplier's
 * transport; between them, the supplier's system and a queue of answers sent in order, each after its delay.
 */
@Component
class ReferenceSupplierRoutes extends RouteBuilder {

    private final ReferenceSupplierProperties settings;
    private final SupplierSystem system;
    private final FinanceSystem finance;
    private final SupplierKeys keys;
    private final ObjectMapper json;

    ReferenceSupplierRoutes(ReferenceSupplierProperties settings, SupplierSystem system, FinanceSystem finance,
                            SupplierKeys keys, ObjectMapper json) {
        this.settings = settings;
        this.system = system;
        this.finance = finance;
        this.keys = keys;
        this.json = json;
    }

    /** The route that takes a JMS supplier's orders, stopped while the supplier is DOWN. */
    static String jmsRouteOf(String supplier) {
        return supplier + "-orders-jms";
    }

    /** Where the answers wait for their delay; made once the context is there. */
    private org.apache.camel.ProducerTemplate answerQueue;

    @Override
    public void configure() {
        answerQueue = getContext().createProducerTemplate();
        settings.suppliers().forEach((supplier, transport) -> {
            switch (transport) {
                case JMS -> overJms(supplier);
                case SOAP -> overSoap(supplier);
                case REST -> overRest(supplier);
            }
        });

        if (settings.finance()) {
            asFinanceSystem();
        }

        from("direct:from-hub").routeId("reference-take")
                .delay(method(system, "takingDelayMs"))
                .process(this::take);

        from("seda:answers?concurrentConsumers=4").routeId("reference-answer")
                .split(body())
                    .delay(simple("${body.after.toMillis()}"))
                    .filter(exchange -> !isCancelledDespatch(exchange.getIn().getBody(SupplierSystem.Answer.class)))
                    .setHeader(SupplierHeaders.SUPPLIER, simple("${body.supplier}"))
                    .setBody(exchange -> exchange.getIn().getBody(SupplierSystem.Answer.class).message().toString())
                    .loop(method(system, "copies")).copy()
                        .toD("direct:to-hub-${header." + SupplierHeaders.SUPPLIER + "}");
    }

    private void take(Exchange exchange) throws Exception {
        if (system.mode() == Mode.DOWN) {
            throw new IllegalStateException("The supplier's system is down");
        }
        String supplier = exchange.getIn().getHeader(SupplierHeaders.SUPPLIER, String.class);
        JsonNode message = json.readTree(exchange.getIn().getBody(String.class));
        String messageId = exchange.getIn().getHeader("hubMessageId", message.path("messageId").asText(), String.class);
        exchange.setProperty("hubMessageId", messageId);
        List<SupplierSystem.Answer> answers = system.take(supplier, messageId, message);
        log.info("{} took {} {} ({} answers)", supplier, message.path("messageType").asText(),
                message.path("orderNumber").asText(), answers.size());
        if (!answers.isEmpty()) {
            answerQueue.sendBody("seda:answers", answers);
        }
    }

    /** The DPA finance system: payment requests in, signed with its key; its answers out the same way. */
    private void asFinanceSystem() {
        from("platform-http:/finance/payments?httpMethodRestrict=POST").routeId("finance-payments-rest")
                .onException(Exception.class).handled(true)
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(503))
                    .setBody(simple("${exception.message}"))
                .end()
                .convertBodyTo(String.class)
                .bean("requestSignatures", "verifyFinance")
                .process(exchange -> {
                    if (system.mode() == Mode.DOWN) {
                        throw new IllegalStateException("The finance system is down");
                    }
                    List<SupplierSystem.Answer> answers = finance.take(
                            exchange.getIn().getHeader("hubMessageId", String.class),
                            json.readTree(exchange.getIn().getBody(String.class)));
                    if (!answers.isEmpty()) {
                        answerQueue.sendBody("seda:answers", answers);
                    }
                })
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setBody(constant(""));
        from("direct:to-hub-" + FinanceSystem.PARTY).routeId("finance-to-hub")
                .errorHandler(retrying())
                .bean("requestSignatures", "signForFinance")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to(settings.hubUrl() + "/api/finance/messages?throwExceptionOnFailure=true");
    }

    private boolean isCancelledDespatch(SupplierSystem.Answer answer) {
        return answer.message().path("messageType").asText().equals("DESPATCH_ADVICE")
                && system.isCancelled(answer.message().path("orderNumber").asText());
    }

    private void overJms(String supplier) {
        String component = "jms-" + supplier;
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(settings.brokerUrl(), supplier,
                keys.brokerPasswordOf(supplier).orElseThrow(() -> new IllegalStateException(
                        "No broker password for " + supplier + ": set hub.suppliers." + supplier + ".broker-password")));
        getContext().addComponent(component, JmsComponent.jmsComponent(new CachingConnectionFactory(broker)));

        from(component + ":queue:supplier." + supplier + ".orders").routeId(jmsRouteOf(supplier))
                .setHeader(SupplierHeaders.SUPPLIER, constant(supplier))
                .to("direct:from-hub");
        fromSupplier(supplier)
                .to(component + ":queue:supplier." + supplier + ".inbound");
    }

    private void overRest(String supplier) {
        from("platform-http:/" + supplier + "/hub/messages?httpMethodRestrict=POST").routeId(supplier + "-orders-rest")
                .onException(Exception.class).handled(true)
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(503))
                    .setBody(simple("${exception.message}"))
                .end()
                .convertBodyTo(String.class)
                .setHeader(SupplierHeaders.SUPPLIER, constant(supplier))
                .bean("requestSignatures", "verify")
                .to("direct:from-hub")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setBody(constant(""));
        fromSupplier(supplier)
                .bean("requestSignatures", "signOutbound")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to(settings.hubUrl() + "/api/suppliers/" + supplier + "/messages?throwExceptionOnFailure=true");
    }

    private void overSoap(String supplier) {
        from(SoapMessages.endpoint("/" + supplier + "/hub/orders", HubOrders.class, supplier))
                .routeId(supplier + "-orders-soap")
                .process(SoapMessages::requestToJson)
                .setHeader(SupplierHeaders.SUPPLIER, constant(supplier))
                .to("direct:from-hub")
                .setBody(exchange -> SoapMessages.acknowledgement(exchange.getProperty("hubMessageId", String.class),
                        "accepted"));
        fromSupplier(supplier)
                .process(SoapMessages::jsonToRequest)
                .to(SoapMessages.endpoint("//" + settings.hubUrl() + "/services/suppliers/" + supplier,
                        SupplierMessages.class, supplier));
    }

    /** A supplier's messages to the hub, retried with back-off while the hub cannot take them. */
    private org.apache.camel.model.RouteDefinition fromSupplier(String supplier) {
        return from("direct:to-hub-" + supplier).routeId(supplier + "-to-hub")
                .errorHandler(retrying());
    }

    private org.apache.camel.ErrorHandlerFactory retrying() {
        return deadLetterChannel("log:reference-undeliverable?level=ERROR&showBody=true")
                .maximumRedeliveries(8).redeliveryDelay(250).useExponentialBackOff()
                .maximumRedeliveryDelay(10_000).retryAttemptedLogLevel(LoggingLevel.WARN);
    }
}

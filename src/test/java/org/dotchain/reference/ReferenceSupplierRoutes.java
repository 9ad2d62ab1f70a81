package org.dotchain.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.dotchain.contracts.suppliermessages.v1.HubOrders;
import org.dotchain.contracts.suppliermessages.v1.Refused;
import org.dotchain.contracts.suppliermessages.v1.SupplierMessages;
import org.dotchain.hub.integration.PartnerKeys;
import org.dotchain.hub.integration.SoapMessages;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.reference.ReferenceSupplierProperties.Mode;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The reference supplier's routes: per supplier, the hub's messages in and its own messages out over the supplier's
 * transport; between them, the supplier's system and a queue of answers sent in order, each after its delay.
 */
@Component
class ReferenceSupplierRoutes extends RouteBuilder {

    /** The longest wait between two attempts to send a message to the hub. */
    static final long LONGEST_WAIT_MS = 30_000;

    private final ReferenceSupplierProperties settings;
    private final SupplierSystem system;
    private final FinanceSystem finance;
    private final PartnerKeys keys;
    private final ObjectMapper json;
    private final Tally tally;

    ReferenceSupplierRoutes(ReferenceSupplierProperties settings, SupplierSystem system, FinanceSystem finance,
                            PartnerKeys keys, ObjectMapper json, Tally tally) {
        this.tally = tally;
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
                .delay(method(system, "takingDelayMs(${header." + PartnerHeaders.PARTNER + "})"))
                .process(this::take);

        from("seda:answers?concurrentConsumers=4").routeId("reference-answer")
                .split(body())
                    .delay(simple("${body.after.toMillis()}"))
                    .filter(exchange -> !isCancelledDespatch(exchange.getIn().getBody(SupplierSystem.Answer.class)))
                    .process(exchange -> tally.sent(exchange.getIn().getBody(SupplierSystem.Answer.class).message()
                            .path("messageType").asText()))
                    .setHeader(PartnerHeaders.PARTNER, simple("${body.supplier}"))
                    .setBody(exchange -> exchange.getIn().getBody(SupplierSystem.Answer.class).message().toString())
                    .loop(method(system, "copies(${header." + PartnerHeaders.PARTNER + "})")).copy()
                        .toD("direct:to-hub-${header." + PartnerHeaders.PARTNER + "}");
    }

    private void take(Exchange exchange) throws Exception {
        String supplier = exchange.getIn().getHeader(PartnerHeaders.PARTNER, String.class);
        if (system.modeOf(supplier) == Mode.DOWN) {
            throw new IllegalStateException("The supplier's system is down");
        }
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
                .setHeader(PartnerHeaders.PARTNER, constant(FinanceSystem.PARTY))
                .bean("requestSignatures", "verify")
                .process(exchange -> {
                    if (system.modeOf(FinanceSystem.PARTY) == Mode.DOWN) {
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
        toHub(FinanceSystem.PARTY)
                .setHeader(PartnerHeaders.PARTNER, constant(FinanceSystem.PARTY))
                .bean("requestSignatures", "signOutbound")
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

        // transacted: a message whose taking fails is given again (acknowledged on receipt, it would be lost)
        from(component + ":queue:supplier." + supplier + ".orders?transacted=true").routeId(jmsRouteOf(supplier))
                .setHeader(PartnerHeaders.PARTNER, constant(supplier))
                .to("direct:from-hub");
        // each order's messages in one message group, so that hub instances reading the queue apply them in order
        toHub(supplier)
                .process(exchange -> exchange.getIn().setHeader("JMSXGroupID",
                        SupplierSystem.subjectOf(json.readTree(exchange.getIn().getBody(String.class)))))
                .to(component + ":queue:supplier." + supplier + ".inbound");
    }

    private void overRest(String supplier) {
        from("platform-http:/" + supplier + "/hub/messages?httpMethodRestrict=POST").routeId(supplier + "-orders-rest")
                .onException(Exception.class).handled(true)
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(503))
                    .setBody(simple("${exception.message}"))
                .end()
                .convertBodyTo(String.class)
                .setHeader(PartnerHeaders.PARTNER, constant(supplier))
                .bean("requestSignatures", "verify")
                .to("direct:from-hub")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setBody(constant(""));
        toHub(supplier)
                .bean("requestSignatures", "signOutbound")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to(settings.hubUrl() + "/api/suppliers/" + supplier + "/messages?throwExceptionOnFailure=true");
    }

    private void overSoap(String supplier) {
        from(SoapMessages.endpoint("/" + supplier + "/hub/orders", HubOrders.class, supplier))
                .routeId(supplier + "-orders-soap")
                .process(SoapMessages::requestToJson)
                .setHeader(PartnerHeaders.PARTNER, constant(supplier))
                .to("direct:from-hub")
                .setBody(exchange -> SoapMessages.acknowledgement(exchange.getProperty("hubMessageId", String.class),
                        "accepted"));
        toHub(supplier)
                .process(SoapMessages::jsonToRequest)
                .to(SoapMessages.endpoint("//" + settings.hubUrl() + "/services/suppliers/" + supplier,
                        SupplierMessages.class, supplier));
    }

    /**
     * A partner's messages to the hub, as a well-behaved partner sends them: each kept until the hub takes it, however
     * long the hub is away, retried with back-off up to {@link #LONGEST_WAIT_MS} apart, without holding a thread
     * while it waits. Only a refusal (HTTP 4xx, a SOAP client fault) ends the retries: sent again, the same message
     * would be refused again.
     */
    private org.apache.camel.model.RouteDefinition toHub(String party) {
        org.apache.camel.model.RouteDefinition route = from("direct:to-hub-" + party).routeId(party + "-to-hub")
                .errorHandler(defaultErrorHandler()
                        .maximumRedeliveries(-1).redeliveryDelay(250).useExponentialBackOff()
                        .maximumRedeliveryDelay(LONGEST_WAIT_MS).asyncDelayedRedelivery()
                        .retryAttemptedLogLevel(LoggingLevel.WARN).retryAttemptedLogInterval(10));
        route.onException(HttpOperationFailedException.class, SoapFault.class, Refused.class)
                .onWhen(this::refusedByHub)
                .handled(true)
                .log(LoggingLevel.ERROR, "The hub refused a message of " + party + ": ${exception.message}");
        return route;
    }

    /**
     * The SOAP refusals that ask the partner to send the message again, as REST's 503 and 429 do; and the answer that
     * failed after the hub took the message, which a message sent again confirms as a duplicate.
     */
    private static final java.util.Set<String> SEND_AGAIN = java.util.Set.of("unavailable", "too-many-requests",
            "answer-failed");

    /**
     * A 4xx but 408 and 429 (which ask to come back), or a SOAP refusal but those in {@link #SEND_AGAIN}: the
     * contract's refusal.
     */
    private boolean refusedByHub(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
        if (failure instanceof Refused refused) {
            // the contract's refusal, but for those that ask to send again: the hub away, the partner's limits, or
            // an answer that failed after the hub took the message
            String type = refused.getFaultInfo() == null ? "" : refused.getFaultInfo().getType();
            return !SEND_AGAIN.contains(type);
        }
        return failure instanceof SoapFault fault && fault.getFaultCode().getLocalPart().equals("Client");
    }
}

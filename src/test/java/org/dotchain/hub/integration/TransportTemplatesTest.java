package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.MessageContentsList;
import org.dotchain.contracts.suppliermessages.v1.Acknowledgement;
import org.dotchain.contracts.suppliermessages.v1.Cancellation;
import org.dotchain.contracts.suppliermessages.v1.OrderResponse;
import org.dotchain.contracts.suppliermessages.v1.OrderResponseCode;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.platform.InvalidMessageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The transport templates of routes/ and their route configurations on their own, without a hub: a Camel context
 * with just those files, the partner's queues as mock endpoints, the inbound pipeline a stand-in, the steps
 * addressed by their ids. A failure here names the template and the step.
 */
class TransportTemplatesTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    CamelContext camel;
    ProducerTemplate producer;
    /** What the stand-in pipeline does with the next message: nothing, or throw this. */
    final AtomicReference<RuntimeException> pipelineFails = new AtomicReference<>();

    @BeforeEach
    void aContextWithTheTemplates() throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new MockComponent());
        Properties settings = new Properties();
        settings.put("hub.delivery.retry-delay-ms", "1");
        camel.getPropertiesComponent().setInitialProperties(settings);
        camel.getRegistry().bind("inboundAnswers", new InboundAnswers(new ObjectMapper()));
        camel.getRegistry().bind("requestSignatures", new RequestSignatures(new PartnerKeys(
                new MockEnvironment().withProperty("hub.suppliers.steppe.signing-key", KEY), Path.of("target"), false),
                Clock.systemUTC()));
        camel.getRegistry().bind("transactionManager", new NoTransactions());
        // the hub's default limits; these templates never ask the gate who a partner is
        camel.getRegistry().bind("partnerGate", new PartnerGate(null, new PartnerLimits(20, 4, 200, 16, Map.of())));
        for (String file : new String[] {"error-handling", "jms-source", "rest-sink", "soap-source", "soap-sink",
            "partner-limits"}) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "file:routes/" + file + ".camel.yaml"));
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // like the real pipeline: its failures are its caller's to answer
                errorHandler(noErrorHandler());
                from("direct:partner-inbound").routeId("stand-in-pipeline").process(exchange -> {
                    RuntimeException failure = pipelineFails.get();
                    if (failure != null) {
                        throw failure;
                    }
                });
            }
        });
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void jmsInboundDeadLettersARefusalWithItsReason() throws Exception {
        jmsInbound();
        pipelineFails.set(new InvalidMessageException("responseCode must be one of AB, AP, RE, CA"));

        Exchange done = producer.send("direct:skyforge-in", exchange ->
                exchange.getIn().setBody("{\"messageId\":\"m-1\"}"));

        assertThat(done.getException()).as("handled: the queue's transaction commits").isNull();
        List<Exchange> deadLetters = sentTo("supplier.skyforge.inbound.DLQ");
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).getIn().getBody(String.class)).isEqualTo("{\"messageId\":\"m-1\"}");
        Map<String, Object> headers = deadLetters.get(0).getIn().getHeaders();
        assertThat(headers.get(PartnerHeaders.DEAD_LETTER_REASON)).asString()
                .isEqualTo("invalid-message: responseCode must be one of AB, AP, RE, CA");
        assertThat(headers).containsEntry("hubMessageId", "m-1");
    }

    @Test
    void jmsInboundGivesAFailureThatMayPassBackToTheBrokerUntilItsRetriesAreSpent() throws Exception {
        jmsInbound();
        pipelineFails.set(new CannotAcquireLockException("lock timeout"));

        Exchange early = producer.send("direct:skyforge-in", exchange -> {
            exchange.getIn().setBody("{\"messageId\":\"m-2\"}");
            exchange.getIn().setHeader("JMSXDeliveryCount", 5);
        });
        assertThat(early.getException()).as("rolled back, for the broker to give again")
                .hasRootCauseInstanceOf(CannotAcquireLockException.class);
        assertThat(sentTo("supplier.skyforge.inbound.DLQ")).isEmpty();

        producer.send("direct:skyforge-in", exchange -> {
            exchange.getIn().setBody("{\"messageId\":\"m-2\"}");
            exchange.getIn().setHeader("JMSXDeliveryCount", 6);
        });
        assertThat(sentTo("supplier.skyforge.inbound.DLQ")).as("the sixth delivery: hub.inbound.retries spent")
                .hasSize(1);
    }

    @Test
    void restOutboundRetriesThenDeadLettersAndSendsOnlyTheContractsHeaders() throws Exception {
        restOutbound();
        MockEndpoint steppe = mock("mock:steppe");
        steppe.whenExchangeReceived(1, exchange -> {
            throw new HttpOperationFailedException("http://steppe", 503, "Service Unavailable", null, Map.of(), "");
        });
        steppe.whenExchangeReceived(2, exchange -> {
            throw new HttpOperationFailedException("http://steppe", 503, "Service Unavailable", null, Map.of(), "");
        });
        steppe.whenExchangeReceived(3, exchange -> {
            throw new HttpOperationFailedException("http://steppe", 503, "Service Unavailable", null, Map.of(), "");
        });

        producer.sendBodyAndHeader("direct:steppe-orders", "{\"messageId\":\"o-1\"}", "hubMessageId", "o-1");

        assertThat(steppe.getReceivedCounter()).as("the first try and two retries").isEqualTo(3);
        List<Exchange> deadLetters = sentTo("supplier.steppe.orders.DLQ");
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).getIn().getHeader(PartnerHeaders.DEAD_LETTER_REASON, String.class))
                .isEqualTo("the partner's system answered HTTP 503");

        producer.sendBodyAndHeader("direct:steppe-orders", "{\"messageId\":\"o-2\"}", "hubMessageId", "o-2");
        Map<String, Object> sent = steppe.getExchanges().get(3).getIn().getHeaders();
        assertThat(sent).containsKeys(RequestSignatures.TIMESTAMP, RequestSignatures.SIGNATURE)
                .containsEntry("hubMessageId", "o-2").containsEntry(Exchange.HTTP_METHOD, "POST")
                .doesNotContainKey(PartnerHeaders.PARTNER);
        assertThat(sentTo("supplier.steppe.orders.DLQ")).as("delivered, not dead-lettered").hasSize(1);
    }

    @Test
    void aStoppingHubDoesNotWaitOutTheBackOffAndKeepsTheMessage() throws Exception {
        Properties slow = new Properties();
        slow.put("hub.delivery.retry-delay-ms", "10000");
        camel.getPropertiesComponent().setOverrideProperties(slow);
        restOutbound();
        MockEndpoint steppe = mock("mock:steppe");
        steppe.whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException("http://steppe", 503, "Service Unavailable", null, Map.of(), "");
        });

        var delivery = producer.asyncSend("direct:steppe-orders", exchange -> {
            exchange.getIn().setBody("{\"messageId\":\"o-3\"}");
            exchange.getIn().setHeader("hubMessageId", "o-3");
        });
        await().until(() -> steppe.getReceivedCounter() == 1);
        long stopping = System.nanoTime();
        camel.getRouteController().stopRoute("steppe-rest-outbound");

        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("the stop")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(delivery.get(5, TimeUnit.SECONDS).getException())
                .as("failed, so its queue's transaction rolls back and keeps it").isNotNull();
        assertThat(sentTo("supplier.steppe.orders.DLQ")).as("not a dead letter").isEmpty();
    }

    @Test
    void soapOutboundSendsTheContractsMessageWithTheOutboxIdAndNoHeaderOfTheHubs() throws Exception {
        TemplatedRouteBuilder.builder(camel, "soap-outbound").routeId("viriy-soap-outbound")
                .parameter("partner", "viriy").parameter("queue", "supplier.viriy.orders")
                .parameter("endpoint", "http://viriy.invalid/hub/orders").add();
        AdviceWith.adviceWith(camel, "viriy-soap-outbound", route -> {
            route.replaceFromWith("direct:viriy-orders");
            route.weaveById("soap-outbound-send").replace().to("mock:viriy");
        });
        camel.start();
        MockEndpoint viriy = mock("mock:viriy");

        producer.send("direct:viriy-orders", exchange -> {
            exchange.getIn().setBody("{\"contractVersion\":\"1.0\",\"messageType\":\"CANCELLATION\","
                    + "\"orderNumber\":\"ORD-2026-000001\",\"issuedAt\":\"2026-11-26T08:00:00Z\","
                    + "\"reason\":\"the unit cancelled\"}");
            exchange.getIn().setHeader("hubMessageId", "c-1");
            exchange.getIn().setHeader("hubMessageType", "CANCELLATION");
            exchange.getIn().setHeader("JMSCorrelationID", "ORD-2026-000001");
        });

        Exchange sent = viriy.getExchanges().get(0);
        Cancellation cancellation = sent.getIn().getBody(Cancellation.class);
        assertThat(cancellation.getMessageId()).as("the outbox's message id").isEqualTo("c-1");
        assertThat(cancellation.getOrderNumber()).isEqualTo("ORD-2026-000001");
        assertThat(sent.getIn().getHeaders()).as("only the operation to call")
                .containsOnlyKeys("operationName").containsEntry("operationName", "receiveCancellation");
    }

    @Test
    void soapInboundTakesTheMessageAsJsonAndAnswersARefusalWithItsFault() throws Exception {
        TemplatedRouteBuilder.builder(camel, "soap-inbound").routeId("viriy-soap-inbound")
                .parameter("partner", "viriy").add();
        AdviceWith.adviceWith(camel, "viriy-soap-inbound", route -> route.replaceFromWith("direct:viriy-in"));
        camel.start();
        OrderResponse response = new OrderResponse();
        response.setMessageId("r-1");
        response.setOrderNumber("ORD-2026-000001");
        response.setResponseCode(OrderResponseCode.AP);
        AtomicReference<Exchange> taken = new AtomicReference<>();
        AdviceWith.adviceWith(camel, "stand-in-pipeline", route -> route.weaveAddFirst().process(exchange -> {
            exchange.setProperty("hubMessageId", "r-1");
            taken.set(exchange.copy());
        }));

        Exchange answered = producer.send("direct:viriy-in", exchange ->
                exchange.getIn().setBody(new MessageContentsList(response)));

        assertThat(taken.get().getIn().getHeader(PartnerHeaders.PARTNER)).isEqualTo("viriy");
        assertThat(taken.get().getIn().getBody(String.class)).contains("\"messageType\":\"ORDER_RESPONSE\"")
                .contains("\"responseCode\":\"AP\"");
        assertThat(answered.getMessage().getBody(Acknowledgement.class).getStatus()).isEqualTo("accepted");

        pipelineFails.set(new IllegalOrderTransitionException("cannot go from SHIPPED to TRANSFERRED"));
        Exchange refused = producer.send("direct:viriy-in", exchange ->
                exchange.getIn().setBody(new MessageContentsList(response)));
        Fault fault = refused.getMessage().getBody(Fault.class);
        assertThat(fault.getFaultCode()).isEqualTo(Fault.FAULT_CODE_CLIENT);
        assertThat(fault.getDetail().getTextContent()).contains("illegal-transition").contains("SHIPPED");
    }

    private void restOutbound() throws Exception {
        TemplatedRouteBuilder.builder(camel, "rest-outbound").routeId("steppe-rest-outbound")
                .parameter("partner", "steppe").parameter("queue", "supplier.steppe.orders")
                .parameter("endpoint", "http://steppe.invalid/hub/messages").parameter("retries", "2").add();
        AdviceWith.adviceWith(camel, "steppe-rest-outbound", route -> {
            route.replaceFromWith("direct:steppe-orders");
            route.weaveById("rest-outbound-post").replace().to("mock:steppe");
        });
        camel.start();
    }

    private void jmsInbound() throws Exception {
        TemplatedRouteBuilder.builder(camel, "jms-inbound").routeId("skyforge-jms-inbound")
                .parameter("partner", "skyforge").parameter("queue", "supplier.skyforge.inbound").add();
        AdviceWith.adviceWith(camel, "skyforge-jms-inbound", route -> route.replaceFromWith("direct:skyforge-in"));
        camel.start();
    }

    /** What went to a queue of the broker: each queue the routes send to is an endpoint of its own. */
    private List<Exchange> sentTo(String queue) {
        return camel.getEndpoints().stream().filter(endpoint -> endpoint instanceof MockEndpoint
                        && endpoint.getEndpointUri().replace("://", ":").equals("jms:queue:" + queue))
                .flatMap(endpoint -> ((MockEndpoint) endpoint).getExchanges().stream())
                .toList();
    }

    private MockEndpoint mock(String uri) {
        return camel.getEndpoint(uri, MockEndpoint.class);
    }

    /** The templates' transactions, with no resource behind them: here only their boundaries matter. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}

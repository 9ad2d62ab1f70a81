package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Orders to a REST supplier whose endpoint is down: retried with back-off, then dead-lettered with the reason; once
 * the endpoint is back, an operator's replay delivers the order exactly once, signed and with its message id.
 */
@HubIntegrationTest
class SupplierRestOutboundTest {

    @Autowired
    OrderPlacement placement;
    @Autowired
    ApiClient api;
    @Autowired
    PartnerKeys keys;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CamelContext camel;
    @Autowired
    ConnectionFactory hubConnections;
    JmsTemplate jms;

    HttpServer steppe;
    final AtomicBoolean up = new AtomicBoolean(false);
    final AtomicInteger attempts = new AtomicInteger();
    final List<Map<String, String>> delivered = new CopyOnWriteArrayList<>();

    /** Steppe's system, as far as this test needs it: it answers 503 while down and keeps what it receives. */
    @BeforeEach
    void steppesSystem() throws IOException {
        jms = new JmsTemplate(hubConnections);
        steppe = HttpServer.create(new InetSocketAddress("127.0.0.1", 38091), 0);
        steppe.createContext("/steppe/hub/messages", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            attempts.incrementAndGet();
            if (up.get()) {
                delivered.add(Map.of("body", body,
                        "messageId", String.valueOf(exchange.getRequestHeaders().getFirst("hubMessageId")),
                        "correlationId", String.valueOf(exchange.getRequestHeaders().getFirst("hubCorrelationId")),
                        "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst(RequestSignatures.TIMESTAMP)),
                        "signature", String.valueOf(exchange.getRequestHeaders().getFirst(RequestSignatures.SIGNATURE)),
                        "internal", String.valueOf(exchange.getRequestHeaders().getFirst(PartnerHeaders.PARTNER))));
            }
            exchange.sendResponseHeaders(up.get() ? 200 : 503, -1);
            exchange.close();
        });
        steppe.start();
    }

    @AfterEach
    void stop() {
        steppe.stop(0);
    }

    @Test
    void aDownEndpointIsRetriedThenDeadLetteredAndAReplayDeliversOnce() {
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of("STP-DROP", 1));
        placement.form(order.getOrderNumber());
        String messageId = db.queryForObject("select message_id::text from outbox_message where correlation_id = ?",
                String.class, order.getOrderNumber());
        ApiClient.As operator = api.as("operator");

        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> operator.deadLetter(messageId),
                found -> found != null);
        assertThat(letter.get("queue").asText()).isEqualTo("supplier.steppe.orders.DLQ");
        assertThat(letter.get("reason").asText()).contains("503");
        assertThat(attempts.get()).as("the first try and two retries").isGreaterThanOrEqualTo(3);
        assertThat(delivered).isEmpty();

        up.set(true);
        assertThat(operator.post("/api/operations/dead-letters/supplier.steppe.orders.DLQ/"
                + letter.get("jmsMessageId").asText() + "/replay", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(order.getOrderNumber()) == 1);
        // done with: off the queue, and no exchange of the route still at it
        String selector = "JMSCorrelationID = '" + order.getOrderNumber() + "'";
        await().atMost(Duration.ofSeconds(10)).until(() -> camel.getInflightRepository()
                .size("steppe-rest-outbound") == 0 && !jms.browseSelected("supplier.steppe.orders", selector,
                        (session, browser) -> browser.getEnumeration().hasMoreElements()));
        assertThat(deliveriesOf(order.getOrderNumber())).isEqualTo(1);
        Map<String, String> received = delivered.stream()
                .filter(delivery -> delivery.get("body").contains(order.getOrderNumber())).findFirst().orElseThrow();
        assertThat(received.get("messageId")).isEqualTo(messageId);
        assertThat(received.get("correlationId")).as("the order, after a replay too").isEqualTo(order.getOrderNumber());
        assertThat(received.get("internal")).as("no header the contract does not name").isEqualTo("null");
        assertThat(received.get("signature")).isEqualTo(Base64.getEncoder().encodeToString(RequestSignatures.sign(
                keys.keyOf("steppe").orElseThrow(), received.get("timestamp"), received.get("body"))));
        assertThat(operator.deadLetter(messageId)).isNull();
    }

    private long deliveriesOf(String orderNumber) {
        return delivered.stream().filter(delivery -> delivery.get("body").contains(orderNumber)).count();
    }
}

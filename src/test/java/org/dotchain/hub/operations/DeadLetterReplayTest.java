package org.dotchain.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.BytesMessage;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/** An operator sees why a message failed, replays it once its cause is gone, and it takes effect exactly once. */
@HubIntegrationTest
class DeadLetterReplayTest {

    static final String DEAD_LETTERS = "supplier.skyforge.inbound.DLQ";

    @Autowired
    ApiClient api;
    @Autowired
    SupplierConnections connections;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;

    @Test
    void aResponseThatCameTooEarlyIsReplayedOnceTheOrderIsFormed() {
        PurchaseOrder order = placement.placeInStockOrder("A2002", Map.of("SKF-RELAY", 1));
        String messageId = "msg-" + UUID.randomUUID();
        new JmsTemplate(connections.as("skyforge")).send("supplier.skyforge.inbound", session ->
                session.createTextMessage("{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\","
                        + "\"messageId\":\"" + messageId + "\",\"orderNumber\":\"" + order.getOrderNumber()
                        + "\",\"responseCode\":\"AB\"}"));
        ApiClient.As operator = api.as("operator");
        JsonNode letter = await().atMost(Duration.ofSeconds(10)).until(() -> operator.deadLetter(messageId),
                found -> found != null);
        assertThat(letter.get("queue").asText()).isEqualTo(DEAD_LETTERS);
        assertThat(letter.get("reason").asText()).contains("cannot go from AWAITING_SIGNATURE to TRANSFERRED");

        placement.form(order.getOrderNumber());
        String replay = "/api/operations/dead-letters/" + DEAD_LETTERS + "/" + letter.get("jmsMessageId").asText()
                + "/replay";
        assertThat(operator.post(replay, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(10)).until(() -> "TRANSFERRED".equals(db.queryForObject(
                "select status from purchase_order where order_number = ?", String.class, order.getOrderNumber())));
        assertThat(operator.deadLetter(messageId)).isNull();
        assertThat(operator.post(replay, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(db.queryForObject("select count(*) from camel_messageprocessed where message_id like ?", Integer.class,
                "%:" + messageId)).isEqualTo(1);
        assertThat(api.as("orderer.a1001").get("/api/operations/dead-letters").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDeadLetterOfBytesShowsItsBodyAndCanBeReplayed() {
        String messageId = "msg-" + UUID.randomUUID();
        byte[] notText = {(byte) 0xff, 0x00, 0x7b, (byte) 0xfe};
        new JmsTemplate(connections.as("skyforge")).send("supplier.skyforge.inbound", session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(notText);
            message.setStringProperty("hubMessageId", messageId);
            return message;
        });
        ApiClient.As operator = api.as("operator");
        JsonNode letter = await().atMost(Duration.ofSeconds(10)).until(() -> operator.deadLetter(messageId),
                found -> found != null);
        assertThat(letter.get("bodyEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(letter.get("body").asText())).isEqualTo(notText);

        String path = "/api/operations/dead-letters/" + DEAD_LETTERS + "/" + letter.get("jmsMessageId").asText();
        assertThat(operator.post(path + "/replay", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode again = await().atMost(Duration.ofSeconds(10)).until(() -> operator.deadLetter(messageId),
                found -> found != null && !found.get("jmsMessageId").asText().equals(letter.get("jmsMessageId").asText()));
        assertThat(again.get("body").asText()).as("the same bytes, dead-lettered again").isEqualTo(letter.get("body").asText());
        assertThat(operator.delete("/api/operations/dead-letters/" + DEAD_LETTERS + "/"
                + again.get("jmsMessageId").asText()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aDeadLetterCanBeDiscarded() {
        String messageId = "msg-" + UUID.randomUUID();
        new JmsTemplate(connections.as("skyforge")).send("supplier.skyforge.inbound", session ->
                session.createTextMessage("{\"contractVersion\":\"1.0\",\"messageType\":\"NONSENSE\",\"messageId\":\""
                        + messageId + "\"}"));
        ApiClient.As operator = api.as("operator");
        JsonNode letter = await().atMost(Duration.ofSeconds(10)).until(() -> operator.deadLetter(messageId),
                found -> found != null);
        assertThat(letter.get("reason").asText()).contains("Unknown messageType 'NONSENSE'");

        assertThat(operator.delete("/api/operations/dead-letters/" + DEAD_LETTERS + "/"
                + letter.get("jmsMessageId").asText()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(operator.deadLetter(messageId)).isNull();
    }
}

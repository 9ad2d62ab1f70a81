package org.dotchain.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * A partner's message over JMS, as the operator's trace keeps it: its route, transport, type, outcome and body, the
 * order it is about as its correlation id, in the log lines about it too; old hops are forgotten.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MessageTraceTest {

    @Autowired
    SupplierConnections connections;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    MessageHops hops;

    @Test
    void aPartnersMessageIsAHopOfItsOrdersTraceAndItsLogLinesNameTheOrder(CapturedOutput log) {
        String order = placement.placeInStockOrder("A2002", Map.of("SKF-RELAY", 1)).getOrderNumber();
        placement.form(order);
        String messageId = "msg-" + UUID.randomUUID();
        String response = "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\""
                + messageId + "\",\"orderNumber\":\"" + order + "\",\"responseCode\":\"AP\"}";
        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.send("supplier.skyforge.inbound", session -> session.createTextMessage(response));
        skyforge.send("supplier.skyforge.inbound", session -> session.createTextMessage(response));

        List<Map<String, Object>> inbound = await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForList(
                "select * from message_hop where correlation_id = ? and route_id = 'skyforge-jms-inbound'"
                        + " order by id", order), found -> found.size() == 2);
        assertThat(inbound.get(0)).containsEntry("transport", "JMS").containsEntry("message_type", "ORDER_RESPONSE")
                .containsEntry("message_id", messageId).containsEntry("outcome", "DONE")
                .containsEntry("source", "jms:queue:supplier.skyforge.inbound");
        assertThat((String) inbound.get(0).get("body")).contains(messageId);
        assertThat((String) inbound.get(0).get("steps")).contains("jms-inbound-pipeline", "partner-inbound-apply");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.queryForList(
                        "select route_id from message_hop where correlation_id = ?", String.class, order))
                .as("the order's way out to the supplier, and its answer back").contains("outbox-relay",
                        "skyforge-jms-inbound"));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.getOut().lines().anyMatch(line ->
                line.contains("[" + order + "]") && line.contains("was applied before")));
    }

    @Test
    void hopsOlderThanTheRetentionAreForgotten() {
        String old = "ORD-OLD-" + UUID.randomUUID().toString().substring(0, 8);
        for (Instant at : new Instant[] {Instant.now().minus(Duration.ofDays(91)), Instant.now()}) {
            db.update("insert into message_hop (correlation_id, route_id, transport, source, started_at, elapsed_ms,"
                    + " outcome, steps) values (?, 'outbox-relay', 'JMS', 'jpa:x', ?, 1, 'DONE', '')", old,
                    Timestamp.from(at));
        }
        assertThat(hops.forgetOld()).isGreaterThanOrEqualTo(1);
        assertThat(db.queryForObject("select count(*) from message_hop where correlation_id = ?", Integer.class, old))
                .isEqualTo(1);
    }
}

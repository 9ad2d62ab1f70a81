package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * A partner's JMS message that fails for a reason that may pass (here a lock timeout, on the first tries of the
 * messages this test marks) is rolled back and given again by the broker with back-off, and applied once it passes;
 * one that keeps failing becomes a dead letter with the reason once the retries are spent, never before.
 */
@HubIntegrationTest
class InboundRedeliveryTest {

    /** Messages whose id starts so fail, as many times as the rest of the id says, before they pass. */
    static final String MARK = "transient-";
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The shared hub's route is advised once, for every test of the suite after this one. */
    static final AtomicBoolean ADVISED = new AtomicBoolean();

    @Autowired
    CamelContext camel;
    @Autowired
    OrderPlacement placement;
    @Autowired
    SupplierConnections connections;
    @Autowired
    ConnectionFactory hubConnections;
    @Autowired
    JdbcTemplate db;

    String orderNumber;

    @BeforeEach
    void aFormedOrderAndALockThatTimesOutAtFirst() throws Exception {
        if (ADVISED.compareAndSet(false, true)) {
            AdviceWith.adviceWith(camel, "skyforge-jms-inbound", route -> route.weaveById("jms-inbound-pipeline")
                    .before().process(exchange -> {
                        String body = exchange.getIn().getBody(String.class);
                        int at = body.indexOf(MARK);
                        if (at < 0) {
                            return;
                        }
                        String id = body.substring(at, body.indexOf('"', at));
                        int failures = Integer.parseInt(id.substring(MARK.length(), id.indexOf('-', MARK.length())));
                        if (ATTEMPTS.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet() <= failures) {
                            throw new CannotAcquireLockException("Lock wait timeout exceeded");
                        }
                    }));
        }
        orderNumber = placement.placeInStockOrder("A1001", Map.of("SKF-FPV7", 1)).getOrderNumber();
        placement.form(orderNumber);
    }

    @Test
    void aLockTimeoutIsTriedAgainAndTheMessageAppliedOnce() {
        String id = MARK + "2-" + UUID.randomUUID();
        send(id);

        await().atMost(Duration.ofSeconds(15)).until(() -> status().equals("TRANSFERRED"));
        assertThat(ATTEMPTS.get(id)).as("two failures, then the delivery that passed").hasValue(3);
        assertThat(deadLetter(id, 500)).isNull();
    }

    @Test
    void aFailureThatDoesNotPassIsDeadLetteredOnceTheRetriesAreSpent() throws Exception {
        String id = MARK + "99-" + UUID.randomUUID();
        send(id);

        Message dead = deadLetter(id, 20_000);
        assertThat(dead).as("the dead letter").isNotNull();
        assertThat(dead.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON)).isEqualTo("unavailable: The hub cannot take the message now; send it again later");
        assertThat(ATTEMPTS.get(id)).as("the first delivery and hub.inbound.retries more").hasValue(6);
        assertThat(status()).isEqualTo("FORMED");
    }

    private void send(String messageId) {
        String response = "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"" + messageId
                + "\",\"orderNumber\":\"" + orderNumber + "\",\"responseCode\":\"AB\"}";
        new JmsTemplate(connections.as("skyforge")).send(SupplierJmsInboundTest.INBOUND,
                session -> session.createTextMessage(response));
    }

    private Message deadLetter(String messageId, long timeoutMillis) {
        JmsTemplate hub = new JmsTemplate(hubConnections);
        hub.setReceiveTimeout(timeoutMillis);
        return hub.receiveSelected(SupplierJmsInboundTest.DEAD_LETTERS, "hubMessageId = '" + messageId + "'");
    }

    private String status() {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class, orderNumber);
    }
}

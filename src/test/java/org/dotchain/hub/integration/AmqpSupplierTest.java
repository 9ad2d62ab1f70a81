package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supplier on another stack, over AMQP 1.0 instead of the broker's own protocol (the Qpid JMS client, and a bare
 * proton-j receiver that sends no capability, as most AMQP clients do by default): its orders queue is there before
 * its first order, and nothing its client asks for (a topic where its queue is, an address of its own) changes
 * what the hub's addresses are.
 */
@HubIntegrationTest
class AmqpSupplierTest {

    @Autowired
    SupplierConnections connections;
    @Autowired
    PartnerKeys keys;
    @Autowired
    OrderPlacement placement;
    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void aReceiverAttachedWithoutACapabilityBeforeTheFirstOrderTakesItsOrders() throws Exception {
        URI broker = URI.create(connections.url());
        try (PlainAmqpReceiver skyforge = new PlainAmqpReceiver(broker.getHost(), broker.getPort(), "skyforge",
                keys.brokerPasswordOf("skyforge").orElseThrow(), "supplier.skyforge.orders")) {
            skyforge.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> skyforge.attachments() > 0);
            String orderNumber = formedOrder();

            await().atMost(Duration.ofSeconds(10)).until(() -> skyforge.received().stream()
                    .anyMatch(message -> message.contains(orderNumber)));
            assertThat(skyforge.refusal()).isNull();
        }
        assertThat(routingTypesOf("supplier.skyforge.orders")).containsExactly(RoutingType.ANYCAST);
    }

    @Test
    void aReceiverAskingForATopicIsRefusedAndTheQueueStaysAQueue() throws Exception {
        try (Connection skyforge = amqp("skyforge")) {
            Session session = skyforge.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic("supplier.skyforge.orders")))
                    .isInstanceOf(JMSException.class).hasMessageContaining("not configured for topic support");

            MessageConsumer orders = session.createConsumer(session.createQueue("supplier.skyforge.orders"));
            assertThat(takeOrder(orders, formedOrder())).as("orders still reach the queue").isNotNull();
        }
        assertThat(routingTypesOf("supplier.skyforge.orders")).containsExactly(RoutingType.ANYCAST);
    }

    @Test
    void aReceiverAttachedAsAQueueTakesTheOrdersOfItsQueue() throws Exception {
        try (Connection skyforge = amqp("skyforge")) {
            Session session = skyforge.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer orders = session.createConsumer(session.createQueue("supplier.skyforge.orders"));
            String orderNumber = formedOrder();

            assertThat(takeOrder(orders, orderNumber)).isNotNull();
        }
    }

    @Test
    void aSupplierCannotMakeOrChangeAnAddress() throws Exception {
        try (Connection skyforge = amqp("skyforge")) {
            Session session = skyforge.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("supplier.skyforge.elsewhere")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(broker.getActiveMQServer().getAddressInfo(SimpleString.of("supplier.skyforge.elsewhere"))).isNull();
        assertThat(routingTypesOf("supplier.skyforge.orders")).containsExactly(RoutingType.ANYCAST);
    }

    @Test
    void everyPartnersQueueIsThereDurableAndStays() {
        for (String queue : new String[] {"supplier.skyforge.orders", "supplier.skyforge.inbound",
                "supplier.steppe.orders", "supplier.viriy.orders", "supplier.viriy.orders.DLQ", "finance.payments"}) {
            var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
            assertThat(found).as(queue).isNotNull();
            assertThat(found.isDurable()).as("%s durable", queue).isTrue();
            assertThat(found.getRoutingType()).as(queue).isEqualTo(RoutingType.ANYCAST);
            assertThat(broker.getActiveMQServer().getAddressSettingsRepository().getMatch(queue).isAutoDeleteQueues())
                    .as("%s is never removed for being empty", queue).isFalse();
        }
    }

    private String formedOrder() {
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV7", 1)).getOrderNumber();
        placement.form(orderNumber);
        return orderNumber;
    }

    /** The supplier's order, skipping any other order of its queue that earlier tests left there. */
    private static TextMessage takeOrder(MessageConsumer orders, String orderNumber) throws JMSException {
        for (Message message = orders.receive(10_000); message != null; message = orders.receive(10_000)) {
            if (((TextMessage) message).getText().contains(orderNumber)) {
                return (TextMessage) message;
            }
        }
        return null;
    }

    private Connection amqp(String supplier) throws JMSException {
        String url = connections.url().replace("tcp://", "amqp://");
        Connection connection = new JmsConnectionFactory(supplier, keys.brokerPasswordOf(supplier).orElseThrow(), url)
                .createConnection();
        connection.start();
        return connection;
    }

    private java.util.Set<RoutingType> routingTypesOf(String address) {
        return broker.getActiveMQServer().getAddressInfo(SimpleString.of(address)).getRoutingTypes();
    }
}

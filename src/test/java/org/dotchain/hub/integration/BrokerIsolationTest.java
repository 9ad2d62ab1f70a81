package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.JmsSecurityException;
import org.springframework.jms.core.JmsTemplate;

/** On the broker, each supplier reaches its own queues only. */
@HubIntegrationTest
class BrokerIsolationTest {

    @Autowired
    SupplierConnections connections;
    @Autowired
    OrderPlacement placement;

    @Test
    void aSupplierCannotConsumeAnotherSuppliersOrders() {
        PurchaseOrder order = placement.placeInStockOrder("A3003", Map.of("SKF-FPV10", 1));
        placement.form(order.getOrderNumber());
        String selector = "JMSCorrelationID = '" + order.getOrderNumber() + "'";
        JmsTemplate viriy = new JmsTemplate(connections.as("viriy"));
        viriy.setReceiveTimeout(2_000);

        assertThatThrownBy(() -> viriy.receiveSelected("supplier.skyforge.orders", selector))
                .isInstanceOf(JmsSecurityException.class).hasMessageContaining("does not have permission");
        assertThatThrownBy(() -> viriy.send("supplier.skyforge.inbound", session -> session.createTextMessage("{}")))
                .isInstanceOf(JmsSecurityException.class);

        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.setReceiveTimeout(10_000);
        assertThat(skyforge.receiveSelected("supplier.skyforge.orders", selector)).as("its own order").isNotNull();
    }

    @Test
    void aSupplierOnlyTakesItsOrdersAndSendsItsMessages() {
        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.setReceiveTimeout(1_000);

        assertThatThrownBy(() -> skyforge.receive("supplier.skyforge.inbound.DLQ"))
                .as("its dead letters are the operators'").isInstanceOf(JmsSecurityException.class);
        assertThatThrownBy(() -> skyforge.send("supplier.skyforge.inbound.DLQ", session ->
                session.createTextMessage("{}"))).as("nor can it forge one").isInstanceOf(JmsSecurityException.class);
        assertThatThrownBy(() -> skyforge.receive("supplier.skyforge.orders.DLQ"))
                .isInstanceOf(JmsSecurityException.class);
        assertThatThrownBy(() -> skyforge.receive("supplier.skyforge.inbound"))
                .as("what it sent is the hub's to take").isInstanceOf(JmsSecurityException.class);
        assertThatThrownBy(() -> skyforge.send("supplier.skyforge.orders", session -> session.createTextMessage("{}")))
                .as("orders come from the hub").isInstanceOf(JmsSecurityException.class);
    }

    @Test
    void theBrokerAdmitsNoAnonymousConnection() {
        JmsTemplate anonymous = new JmsTemplate(connections.anonymous());
        anonymous.setReceiveTimeout(1_000);

        assertThatThrownBy(() -> anonymous.receive("supplier.skyforge.orders")).isInstanceOf(JmsSecurityException.class);
    }
}

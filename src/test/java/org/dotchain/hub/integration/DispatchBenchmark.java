package org.dotchain.hub.integration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.dotchain.hub.HubApplication;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Formed orders dispatched through the outbox to the JMS supplier's queue, beside the raw persistent
 * send-and-receive rate of the same embedded Artemis, measured in the same run. The supplier side connects over TCP
 * as the supplier's broker user, as a supplier's system would.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.dotchain.hub.integration.DispatchBenchmark -Dexec.classpathScope=test</pre>
 */
public final class DispatchBenchmark {

    static final int RAW_MESSAGES = 3_000;
    static final int DRAIN_ORDERS = 600;
    static final int LATENCY_ORDERS = 200;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                .profiles("demo", "test")
                .properties("logging.level.root=warn")
                .initializers(context -> context.getBeanFactory().registerSingleton("testRestTemplate",
                        new TestRestTemplate()))
                .run("--server.port=0", "--hub.outbox.poll-delay-ms=20")) {
            SupplierConnections connections = hub.getBean(SupplierConnections.class);
            OrderPlacement placement = hub.getBean(OrderPlacement.class);
            CamelContext camel = hub.getBean(CamelContext.class);
            hub.getBean(JdbcTemplate.class).update("update product set stock = 1000000 where code = 'SKF-FPV7'");

            double raw = rawRate(connections.as("skyforge"));

            camel.getRouteController().stopRoute("outbox-relay");
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < DRAIN_ORDERS; i++) {
                orders.add(formedOrder(placement, i));
            }
            Map<String, Long> received = new ConcurrentHashMap<>();
            try (Connection connection = connections.as("skyforge").createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("supplier.skyforge.orders"));
                drain(consumer);
                long start = System.nanoTime();
                camel.getRouteController().startRoute("outbox-relay");
                while (received.size() < DRAIN_ORDERS) {
                    Message message = consumer.receive(30_000);
                    if (message == null) {
                        throw new IllegalStateException("Only " + received.size() + " orders arrived");
                    }
                    received.put(message.getJMSCorrelationID(), System.nanoTime());
                }
                double dispatched = DRAIN_ORDERS / ((System.nanoTime() - start) / 1e9);

                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < LATENCY_ORDERS; i++) {
                    String number = formedOrder(placement, DRAIN_ORDERS + i);
                    long formed = System.nanoTime();
                    Message message = consumer.receive(30_000);
                    if (message == null || !number.equals(message.getJMSCorrelationID())) {
                        throw new IllegalStateException("Order " + number + " did not arrive in turn");
                    }
                    latencies.add((System.nanoTime() - formed) / 1e6);
                }
                Collections.sort(latencies);
                System.out.printf("%nDispatch benchmark (outbox relay polling every 20 ms, batches of 100)%n");
                System.out.printf("raw Artemis persistent send + receive over TCP: %8.0f messages/s (%d messages)%n",
                        raw, RAW_MESSAGES);
                System.out.printf("formed orders dispatched through the outbox:    %8.0f orders/s   (%d orders)%n",
                        dispatched, DRAIN_ORDERS);
                System.out.printf("ratio dispatch / raw: %.2f%n", dispatched / raw);
                System.out.printf("latency from a formed order's commit to its arrival at the supplier, %d orders"
                                + " one at a time: p50 %.1f ms, p99 %.1f ms%n",
                        LATENCY_ORDERS, percentile(latencies, 50), percentile(latencies, 99));
            }
        }
    }

    private static String formedOrder(OrderPlacement placement, int i) {
        PurchaseOrder order = placement.placeInStockOrder(List.of("A1001", "A2002", "A3003").get(i % 3),
                Map.of("SKF-FPV7", 1));
        placement.form(order.getOrderNumber());
        return order.getOrderNumber();
    }

    private static double rawRate(ConnectionFactory factory) throws Exception {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var queue = session.createQueue("supplier.skyforge.benchmark");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            MessageConsumer consumer = session.createConsumer(queue);
            String payload = "x".repeat(900);
            long start = System.nanoTime();
            for (int i = 0; i < RAW_MESSAGES; i++) {
                producer.send(session.createTextMessage(payload));
                consumer.receive(10_000);
            }
            return RAW_MESSAGES / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void drain(MessageConsumer consumer) throws Exception {
        while (consumer.receive(200) != null) {
            // orders left from earlier: not part of this measurement
        }
    }

    private static double percentile(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}

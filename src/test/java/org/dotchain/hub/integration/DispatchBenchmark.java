package org.dotchain.hub.integration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.dotchain.hub.BenchmarkReport;
import org.dotchain.hub.HubApplication;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Formed orders dispatched through the outbox to the JMS supplier's queue, beside the raw limits of the same
 * embedded Artemis and PostgreSQL measured in the same run ({@link RawLimits}) over the relay's own connections:
 * persistent messages of the orders' size in round trips one at a time and in transactions of the relay's batch
 * size, rows one commit each and in batches. The supplier side connects over TCP as the supplier's broker user, as
 * a supplier's system would. Prints a table and writes target/benchmark/dispatch.json.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.dotchain.hub.integration.DispatchBenchmark -Dexec.classpathScope=test</pre>
 */
public final class DispatchBenchmark {

    static final int RAW_MESSAGES = 3_000;
    static final int RAW_ROWS = 3_000;
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
            JdbcTemplate db = hub.getBean(JdbcTemplate.class);
            int batch = hub.getEnvironment().getRequiredProperty("hub.outbox.batch-size", Integer.class);
            db.update("update product set stock = 1000000 where code = 'SKF-FPV7'");

            camel.getRouteController().stopRoute("outbox-relay");
            for (int i = 0; i < DRAIN_ORDERS; i++) {
                formedOrder(placement, i);
            }
            // the baselines carry what the relay carries: messages and rows of the orders' own size
            int size = db.queryForObject("select round(avg(octet_length(payload)))::int from outbox_message where "
                    + "message_type = 'ORDER' and sent_at is null", Integer.class);
            String payload = "x".repeat(size);
            // the relay's own connections to the broker, and new queues of the benchmark's own: nothing an
            // earlier run left on the persistent broker is counted
            ConnectionFactory relays = hub.getBean(ConnectionFactory.class);
            double rawOneAtATime = RawLimits.roundTripsOneAtATime(relays, "hub.benchmark." + UUID.randomUUID(),
                    RAW_MESSAGES, payload);
            double rawInTransactions = RawLimits.sendAndReceiveInTransactions(relays,
                    "hub.benchmark." + UUID.randomUUID(), RAW_MESSAGES, batch, payload);
            DataSource dataSource = hub.getBean(DataSource.class);
            double rowsOneAtATime = RawLimits.insertOneAtATime(dataSource, RAW_ROWS, payload);
            double rowsInBatches = RawLimits.insertInBatches(dataSource, RAW_ROWS, batch, payload);

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
                double roundTripMs = 1000 / rawOneAtATime;
                BenchmarkReport report = new BenchmarkReport("Dispatch benchmark: embedded Artemis (persistent, "
                        + "journal fsync, duplicate detection) and PostgreSQL; outbox relay polling every 20 ms")
                        .setting("messageBytes", size).setting("relayBatchSize", batch)
                        .setting("drainOrders", DRAIN_ORDERS).setting("latencyOrders", LATENCY_ORDERS);
                String oneAtATime = "raw Artemis, round trips one at a time";
                String inTransactions = "raw Artemis, transactions of the batch size";
                report.add(inTransactions, rawInTransactions, "messages/s", oneAtATime, rawOneAtATime);
                report.add("raw PostgreSQL, inserts in batches", rowsInBatches, "rows/s",
                        "raw PostgreSQL, insert + commit one at a time", rowsOneAtATime);
                report.add("orders through the outbox, against batches", dispatched, "orders/s", inTransactions,
                        rawInTransactions);
                report.add("orders through the outbox, against round trips", dispatched, "orders/s", oneAtATime,
                        rawOneAtATime);
                report.add("order commit to arrival p50, one at a time", percentile(latencies, 50), "ms",
                        "raw Artemis round trip (mean, in-VM)", roundTripMs);
                report.add("order commit to arrival p99, one at a time", percentile(latencies, 99), "ms",
                        "raw Artemis round trip (mean, in-VM)", roundTripMs);
                report.publish("dispatch");
            }
        }
    }

    private static String formedOrder(OrderPlacement placement, int i) {
        PurchaseOrder order = placement.placeInStockOrder(List.of("A1001", "A2002", "A3003").get(i % 3),
                Map.of("SKF-FPV7", 1));
        placement.form(order.getOrderNumber());
        return order.getOrderNumber();
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

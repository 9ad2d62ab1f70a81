package org.dotchain.hub.integration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.dotchain.hub.budget.BudgetAllocations;
import org.dotchain.hub.budget.BudgetDecision;
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
    /** Offered rates of the open-loop runs, orders per second, each for {@link #OFFERED_FOR}. */
    static final List<Integer> OFFERED_RATES = List.of(100, 200, 500);
    static final Duration OFFERED_FOR = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                .profiles("demo", "test")
                .properties("logging.level.root=warn")
                .initializers(context -> context.getBeanFactory().registerSingleton("testRestTemplate",
                        new TestRestTemplate()))
                .run("--server.port=0", "--hub.outbox.poll-delay-ms=20",
                        // the benchmark's supplier sends as fast as the hub takes
                        "--hub.partner-limits.jms-messages-per-second=1000000")) {
            SupplierConnections connections = hub.getBean(SupplierConnections.class);
            OrderPlacement placement = hub.getBean(OrderPlacement.class);
            CamelContext camel = hub.getBean(CamelContext.class);
            JdbcTemplate db = hub.getBean(JdbcTemplate.class);
            int batch = hub.getEnvironment().getRequiredProperty("hub.outbox.batch-size", Integer.class);
            db.update("update product set stock = 1000000 where code = 'SKF-FPV7'");
            // money enough for every order of the run, allocated as the DPA allocates it
            BudgetAllocations budgets = hub.getBean(BudgetAllocations.class);
            for (String unit : List.of("A1001", "A2002", "A3003")) {
                budgets.allocate("benchmark", unit, new BigDecimal("500000000.00"),
                        new BudgetDecision("BENCH-" + unit, LocalDate.now(), "the benchmark's orders"));
            }

            camel.getRouteController().stopRoute("outbox-relay");
            List<String> carried = new ArrayList<>();
            for (int i = 0; i < DRAIN_ORDERS; i++) {
                carried.add(formedOrder(placement, i));
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
                    carried.add(number);
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
                report.add("order commit to arrival p50, one at a time", OpenLoopDispatch.percentile(latencies, 50),
                        "ms", "raw Artemis round trip (mean, in-VM)", roundTripMs);
                report.add("order commit to arrival p99, one at a time", OpenLoopDispatch.percentile(latencies, 99),
                        "ms", "raw Artemis round trip (mean, in-VM)", roundTripMs);
                List<OpenLoopDispatch.Result> offered = new ArrayList<>();
                OpenLoopDispatch openLoop = new OpenLoopDispatch(placement, consumer);
                for (int rate : OFFERED_RATES) {
                    OpenLoopDispatch.Result result = openLoop.run(rate, OFFERED_FOR);
                    offered.add(result);
                    String at = " at " + rate + " orders/s offered";
                    report.add("orders formed" + at, result.formedPerSecond(), "orders/s", "offered rate", rate);
                    String baseline = "raw Artemis round trip (mean, in-VM)";
                    report.add("order commit to arrival p50" + at, result.p50(), "ms", baseline, roundTripMs);
                    report.add("order commit to arrival p99" + at, result.p99(), "ms", baseline, roundTripMs);
                    report.add("order commit to arrival max" + at, result.max(), "ms", baseline, roundTripMs);
                    report.add("order offered to arrival p99" + at, result.offeredP99(), "ms", baseline, roundTripMs);
                }
                // the supplier's answers to the orders drained and timed, as its system would send them
                double inbound = InboundThroughput.orderResponses(camel, connections.as("skyforge"), db, carried);
                report.add("order responses applied over JMS", inbound, "messages/s", oneAtATime, rawOneAtATime);
                report.setting("inboundMessages", carried.size());
                report.setting("offeredRates", OFFERED_RATES).setting("offeredForSeconds", OFFERED_FOR.toSeconds());
                report.publish("dispatch");
                LatencyChart.write(Path.of("target", "benchmark", "dispatch-latency.svg"), offered);
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

}

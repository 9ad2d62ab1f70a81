package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dotchain.hub.access.TotpCodes;
import org.dotchain.reference.ReferenceSupplierApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three units' orderers check out, sign and cancel orders of the same products in a loop over the REST API while
 * the packaged hub is killed with SIGKILL and started again, several times, and the reference suppliers answer and
 * ship over JMS, SOAP and REST; then every product's stock in hand plus what its orders hold must equal the stock the
 * demo started with, to the item, every unit's ledger must hold exactly what its orders hold, and every signed order
 * must have been shipped. Prints tables; exits 1 otherwise.
 *
 * <pre>
 * mvn -q package -DskipTests
 * mvn -q exec:java -Dexec.mainClass=org.dotchain.hub.platform.StockUnderKillsSoak -Dexec.classpathScope=test \
 *     -Dexec.args="6"    # kills; 10 to 30 s apart
 * </pre>
 */
public final class StockUnderKillsSoak {

    static final List<String> ORDERERS = List.of("orderer.a1001", "orderer.a2002", "orderer.a3003");
    static final List<String> PRODUCTS = List.of("SKF-FPV7", "STP-DROP", "STP-FIBRE");
    /** How long the suppliers have after the last kill to answer and ship every signed order. */
    static final Duration SETTLE = Duration.ofSeconds(180);
    static final String ON_THEIR_WAY = "'FORMED', 'TRANSFERRED', 'ACCEPTED_BY_SUPPLIER', 'PARTIALLY_SHIPPED'";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final HubProcess hub;
    private final DemoApi api;
    private ConfigurableApplicationContext partners;
    private final int postgresPort;
    private final int partnersPort;

    private StockUnderKillsSoak() {
        postgresPort = HubProcess.freePort();
        partnersPort = HubProcess.freePort();
        String partners = "http://127.0.0.1:" + partnersPort;
        hub = new HubProcess(Path.of("target", "soak", "kills-" + UUID.randomUUID(), "data"), List.of(
                "--hub.embedded-postgres.port=" + postgresPort,
                "--hub.suppliers.steppe.endpoint=" + partners + "/steppe/hub/messages",
                "--hub.suppliers.viriy.endpoint=" + partners + "/services/viriy/hub/orders",
                "--hub.finance.endpoint=" + partners + "/finance/payments"));
        api = new DemoApi(hub);
    }

    /** The reference supplier systems, in this process: they answer, accept and ship every order. */
    private ConfigurableApplicationContext startPartners() {
        return ReferenceSupplierApplication.builder().run(
                "--server.port=" + partnersPort,
                "--reference.hub-url=" + hub.baseUrl(),
                "--reference.broker-url=" + hub.brokerUrl(),
                "--reference.data-dir=" + hub.dataDir(),
                "--reference.answer-delay=1s",
                "--reference.ship-delay=3s");
    }

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        boolean agree = new StockUnderKillsSoak().run(kills);
        System.exit(agree ? 0 : 1);
    }

    private boolean run(int kills) throws Exception {
        try {
            hub.start().awaitUp(Duration.ofSeconds(120));
            partners = startPartners();
            Map<String, Integer> initial = stockOf();
            ExecutorService orderers = Executors.newFixedThreadPool(ORDERERS.size());
            List<Future<?>> loops = new ArrayList<>();
            for (String orderer : ORDERERS) {
                loops.add(orderers.submit(() -> orderLoop(orderer)));
            }
            Random random = new Random();
            List<Duration> restarts = new ArrayList<>();
            for (int kill = 1; kill <= kills; kill++) {
                Thread.sleep(10_000 + random.nextInt(20_000));
                hub.kill();
                count("kills");
                restarts.add(hub.start().awaitUp(Duration.ofSeconds(120)));
            }
            Thread.sleep(10_000);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            orderers.shutdown();
            Instant settled = Instant.now().plus(SETTLE);
            while (Instant.now().isBefore(settled) && !ordersOnTheirWay().isEmpty()) {
                Thread.sleep(2000);
            }
            return report(initial, restarts);
        } finally {
            if (partners != null) {
                partners.close();
            }
            hub.cleanUp();
        }
    }

    private void orderLoop(String username) {
        Random random = new Random();
        String token = null;
        while (running.get()) {
            try {
                if (token == null) {
                    token = login(username);
                }
                String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                call(token, "PUT", "/api/cart/lines/" + product, Map.of("quantity", 1));
                HttpResponse<String> checkout = call(token, "POST", "/api/cart/checkout",
                        Map.of("requiredBy", LocalDate.now().plusDays(30).toString()));
                if (checkout.statusCode() != 200 && checkout.statusCode() != 201) {
                    count("checkout " + checkout.statusCode() + " " + problemType(checkout));
                    pause(200);
                    continue;
                }
                count("checkouts");
                for (JsonNode order : json.readTree(checkout.body()).path("orders")) {
                    count("orders");
                    int choice = random.nextInt(10);
                    if (choice < 6) {
                        HttpResponse<String> signed = call(token, "POST", "/api/documents/"
                                + order.path("documentId").asLong() + "/development-signatures", null);
                        count(signed.statusCode() < 300 ? "signed"
                                : "sign " + signed.statusCode() + " " + problemType(signed));
                    } else if (choice < 8) {
                        HttpResponse<String> cancelled = call(token, "POST", "/api/orders/"
                                + order.path("orderNumber").asText() + "/cancellation", null);
                        count(cancelled.statusCode() < 300 ? "cancelled"
                                : "cancel " + cancelled.statusCode() + " " + problemType(cancelled));
                    }
                }
            } catch (IOException e) {
                // the hub is down or went down mid-request: that request's outcome is unknown, the next one tells
                count("requests the hub did not answer");
                pause(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String problemType(HttpResponse<String> response) {
        return api.problemType(response);
    }

    private String login(String username) throws IOException, InterruptedException {
        while (running.get()) {
            Optional<String> token = api.tryLogin(username);
            if (token.isPresent()) {
                return token.get();
            }
            // a code is accepted once per account: wait for the next one
            pause(5000);
        }
        throw new InterruptedException("the run is over");
    }

    private HttpResponse<String> call(String token, String method, String path, Object body)
            throws IOException, InterruptedException {
        return api.call(token, method, path, body);
    }

    /** Stock of the products in hand, as the database has it. */
    private Map<String, Integer> stockOf() throws Exception {
        return query("select code, stock from product where code = any(?)");
    }

    /** Items held by orders the supplier has not taken: awaiting signature, or formed and not yet acknowledged. */
    private Map<String, Integer> heldBy(String statuses) throws Exception {
        return query("select l.product_code, sum(l.quantity)::int from order_line l join purchase_order o "
                + "on o.id = l.order_id where l.product_code = any(?) and o.kind = 'ORDER' and o.status in ("
                + statuses + ") group by l.product_code");
    }

    /** Signed orders the suppliers have not shipped yet. */
    private Map<String, Integer> ordersOnTheirWay() throws Exception {
        return statuses("and status in (" + ON_THEIR_WAY + ")");
    }

    private Map<String, Integer> statuses(String condition) throws Exception {
        Map<String, Integer> answer = new java.util.TreeMap<>();
        try (Connection db = connect(); ResultSet rows = db.createStatement().executeQuery(
                "select status, count(*)::int from purchase_order where kind = 'ORDER' " + condition
                        + " group by status")) {
            while (rows.next()) {
                answer.put(rows.getString(1), rows.getInt(2));
            }
        }
        return answer;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "");
    }

    private Map<String, Integer> query(String sql) throws Exception {
        Map<String, Integer> answer = new LinkedHashMap<>();
        PRODUCTS.forEach(product -> answer.put(product, 0));
        try (Connection db = connect()) {
            var statement = db.prepareStatement(sql);
            statement.setArray(1, db.createArrayOf("varchar", PRODUCTS.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    answer.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return answer;
    }

    private boolean report(Map<String, Integer> initial, List<Duration> restarts) throws Exception {
        Map<String, Integer> inHand = stockOf();
        Map<String, Integer> awaiting = heldBy("'AWAITING_SIGNATURE'");
        Map<String, Integer> formed = heldBy("'FORMED'");
        Map<String, Integer> beyond = heldBy("'TRANSFERRED', 'ACCEPTED_BY_SUPPLIER', 'REJECTED_BY_SUPPLIER', "
                + "'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_DELIVERED', 'DELIVERED', 'PAID', 'COMPLETED'");
        Map<String, Integer> cancelled = heldBy("'CANCELLED'");
        System.out.printf("%nStock under %d kills (restarts to health UP: %s)%n", restarts.size(),
                restarts.stream().map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).toList());
        System.out.printf("%-10s %8s %8s %9s %7s %9s %10s  %s%n", "product", "initial", "in hand", "awaiting",
                "formed", "past hub", "cancelled", "in hand + held = initial");
        boolean agree = true;
        for (String product : PRODUCTS) {
            int held = awaiting.get(product) + formed.get(product) + beyond.get(product);
            boolean ok = inHand.get(product) + held == initial.get(product);
            agree &= ok;
            System.out.printf("%-10s %8d %8d %9d %7d %9d %10d  %s%n", product, initial.get(product),
                    inHand.get(product), awaiting.get(product), formed.get(product), beyond.get(product),
                    cancelled.get(product), ok ? "yes" : "NO");
        }
        System.out.println();
        new java.util.TreeMap<>(counts).forEach((what, n) -> System.out.printf("%-34s %6d%n", what, n.get()));
        boolean balanced = reportLedger();
        Map<String, Integer> unshipped = ordersOnTheirWay();
        System.out.println("Orders by status: " + statuses(""));
        System.out.println(agree ? "Stock, holds and orders agree to the item." : "STOCK DISAGREES.");
        System.out.println(unshipped.isEmpty() ? "Every signed order reached its supplier and was shipped."
                : "SIGNED ORDERS NOT SHIPPED " + SETTLE.toSeconds() + " s after the last kill: " + unshipped);
        return agree && balanced && unshipped.isEmpty();
    }

    /**
     * Per unit: no bucket below zero, and the money held (reserved, committed, spent) is exactly the total of the
     * unit's orders and pre-orders that hold money, that is all but the cancelled, declined, expired and rejected.
     */
    private boolean reportLedger() throws Exception {
        boolean balanced = true;
        System.out.printf("%n%-8s %14s %14s %14s %14s %14s %16s  %s%n", "unit", "allocated", "available", "reserved",
                "committed", "spent", "orders holding", "held = orders");
        try (Connection db = connect(); ResultSet rows = db.createStatement().executeQuery("""
                select u.code, b.allocated, b.available, b.reserved, b.committed, b.spent,
                       (select coalesce(sum(o.total), 0) from purchase_order o where o.unit_id = u.id and o.status
                        not in ('CANCELLED', 'DECLINED', 'EXPIRED', 'REJECTED_BY_SUPPLIER')) as holding
                from military_unit u join unit_budget b on b.unit_id = u.id order by u.code""")) {
            while (rows.next()) {
                java.math.BigDecimal held = rows.getBigDecimal(4).add(rows.getBigDecimal(5)).add(rows.getBigDecimal(6));
                boolean ok = held.compareTo(rows.getBigDecimal(7)) == 0
                        && rows.getBigDecimal(3).signum() >= 0 && rows.getBigDecimal(4).signum() >= 0
                        && rows.getBigDecimal(5).signum() >= 0;
                balanced &= ok;
                System.out.printf("%-8s %14s %14s %14s %14s %14s %16s  %s%n", rows.getString(1), rows.getBigDecimal(2),
                        rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getBigDecimal(6),
                        rows.getBigDecimal(7), ok ? "yes" : "NO");
            }
        }
        System.out.println(balanced ? "Every unit's ledger agrees with its orders." : "LEDGER DISAGREES.");
        return balanced;
    }

    private void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

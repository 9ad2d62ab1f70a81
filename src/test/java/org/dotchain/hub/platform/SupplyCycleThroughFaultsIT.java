package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.dotchain.hub.LedgerInvariant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders placed and signed over the REST API while the packaged hub, against a PostgreSQL server and a standalone
 * Artemis broker (each a process of its own), is killed with SIGKILL at random moments and started again, the broker
 * is killed and started again, and the database ends the hub's connections; Skyforge's system (here, a JMS consumer
 * on its queue, which drops a message id it has seen, as a supplier's system does) takes every order. The hub
 * recovers by itself, its readiness says DOWN while the broker is away; at the end every formed order reached the
 * supplier in one message (the outbox's row is marked sent only once the broker has it, and Artemis' duplicate
 * detection drops a resend of the same message id), and every unit's ledger balances. Prints the counts.
 */
class OrdersThroughFaultsIT {

    private static final int KILLS = 3;
    private static final int MAX_ORDERS = 200;
    private static final List<String> ORDERERS = List.of("orderer.a1001", "orderer.a2002", "orderer.a3003");

    private final Path folder = Path.of("target", "crash", "orders-" + UUID.randomUUID());
    private final AtomicBoolean ordering = new AtomicBoolean(true);
    private final List<String> formed = new CopyOnWriteArrayList<>();
    /** By order, the message ids that carried it; a supplier takes each message id once. */
    private final Map<String, Set<String>> received = new ConcurrentHashMap<>();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger receipts = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Map<String, AtomicInteger> types = new ConcurrentHashMap<>();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();
    private EmbeddedPostgres postgres;
    private StandaloneBroker broker;
    private HubProcess hub;

    @AfterEach
    void leaveNothingRunning() throws Exception {
        ordering.set(false);
        if (hub != null) {
            hub.cleanUp();
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyFormedOrderReachesItsSupplierOnceThroughKillsOfTheHub() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
        db.execute("create role hub_writer nologin");
        db.execute("create role hub_crash login in role hub_writer");
        db.execute("create database hub");
        broker = StandaloneBroker.create(folder.resolve("broker"), "hub", "change-me-broker").start();
        hub = new HubProcess(folder.resolve("data"), List.of(
                // not the server's own URL, which names its superuser: the hub logs in as its own role
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/hub",
                "--spring.datasource.username=hub_crash",
                "--spring.flyway.user=postgres",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + broker.url()));
        hub.start().awaitUp(Duration.ofSeconds(120));

        // the supplier's client reconnects, as a supplier's system would, when the broker comes back
        try (Connection supplier = new ActiveMQConnectionFactory(broker.url() + "?reconnectAttempts=-1"
                + "&retryInterval=500").createConnection()) {
            Session session = supplier.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer orders = session.createConsumer(session.createQueue("supplier.skyforge.orders"));
            orders.setMessageListener(message -> {
                try {
                    receipts.incrementAndGet();
                    String messageId = message.getStringProperty("hubMessageId");
                    types.computeIfAbsent(message.getStringProperty("hubMessageType"), type -> new AtomicInteger())
                            .incrementAndGet();
                    if (!messageIds.add(messageId)) {
                        // given again after the broker came back, its acknowledgement lost: seen, dropped
                        dropped.incrementAndGet();
                    }
                    if ("ORDER".equals(message.getStringProperty("hubMessageType"))) {
                        received.computeIfAbsent(message.getStringProperty("hubCorrelationId"),
                                order -> ConcurrentHashMap.newKeySet()).add(messageId);
                    }
                    message.acknowledge();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            supplier.start();

            DemoApi api = new DemoApi(hub);
            List<Thread> orderers = new ArrayList<>();
            for (String orderer : ORDERERS) {
                Thread loop = new Thread(() -> orderLoop(api, orderer), orderer);
                loop.start();
                orderers.add(loop);
            }
            Random random = new Random();
            List<Duration> restarts = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                Thread.sleep(10_000 + random.nextInt(8_000));
                hub.kill();
                restarts.add(hub.start().awaitUp(Duration.ofSeconds(120)));
            }
            Thread.sleep(5_000);
            int terminated = 0;
            for (int round = 0; round < 2; round++) {
                terminated += db.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where usename = 'hub_crash'", Integer.class);
                Thread.sleep(4_000);
            }
            broker.kill();
            boolean outageShown = readinessAnswers(503, Duration.ofSeconds(60));
            Thread.sleep(3_000);
            broker.start();
            boolean recovered = readinessAnswers(200, Duration.ofSeconds(90));
            Thread.sleep(8_000);
            ordering.set(false);
            for (Thread loop : orderers) {
                loop.join(60_000);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline) && !received.keySet().containsAll(formed)) {
                Thread.sleep(1000);
            }
            Thread.sleep(3000);

            long twice = received.values().stream().filter(ids -> ids.size() > 1).count();
            JdbcTemplate hubDb = new JdbcTemplate(postgres.getDatabase("postgres", "hub"));
            // every order the hub formed (those whose answer a kill cut off too) put its message in the outbox
            int formedByTheHub = hubDb.queryForObject("select count(*) from outbox_message where message_type = "
                    + "'ORDER' and destination like '%supplier.skyforge.orders%'", Integer.class);
            System.out.printf("Orders through faults: %d orders formed by the orderers' answers, %d by the hub's "
                            + "outbox; %d kills and restarts of the hub (ready after %s); %d of its database "
                            + "connections ended; the broker killed and started again (readiness DOWN meanwhile: "
                            + "%s, UP after: %s); %d requests refused while the hub was down. The supplier received "
                            + "%d messages (by type %s): %d distinct orders, %d message ids, %d given again and "
                            + "dropped by their id, %d orders in more than one message%n", formed.size(),
                    formedByTheHub, KILLS, restarts, terminated, outageShown, recovered, refusedWhileDown.get(),
                    receipts.get(), types, received.size(), messageIds.size(), dropped.get(), twice);
            assertThat(formed).as("orders formed").hasSizeGreaterThan(30);
            assertThat(terminated).as("database connections ended").isPositive();
            assertThat(outageShown).as("readiness DOWN while the broker is away").isTrue();
            assertThat(recovered).as("ready again once the broker is back").isTrue();
            assertThat(received.keySet()).as("every formed order reached the supplier").containsAll(formed);
            assertThat(twice).as("orders the supplier received in more than one message").isZero();
            assertThat(received).as("every order the hub formed, at its supplier").hasSize(formedByTheHub);
            LedgerInvariant.assertBalanced(hubDb);
            assertThat(hubDb.queryForObject("select count(*) from outbox_message where sent_at is null and "
                    + "message_type = 'ORDER'", Integer.class)).as("orders left unsent").isZero();
        }
    }

    /** Whether the hub's readiness answers the status within the time. */
    private boolean readinessAnswers(int status, Duration patience) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == status) {
                    return true;
                }
            } catch (IOException notNow) {
                // the hub is busy or restarting: ask again
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Checks out and signs one drone after another, while the product is in stock (240 of them; then a checkout
     * would be a pre-order); a request that fails while the hub is down is tried again.
     */
    private void orderLoop(DemoApi api, String orderer) {
        Optional<String> token = Optional.empty();
        while (ordering.get() && formed.size() < MAX_ORDERS) {
            try {
                if (token.isEmpty()) {
                    token = api.tryLogin(orderer);
                    if (token.isEmpty()) {
                        Thread.sleep(1000);
                        continue;
                    }
                }
                formed.addAll(api.orderAndSign(token.get(), "SKF-FPV7", 1));
            } catch (IOException | IllegalStateException down) {
                refusedWhileDown.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

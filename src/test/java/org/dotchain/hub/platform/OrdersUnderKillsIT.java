package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
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
 * Artemis broker (each a process of its own), is killed with SIGKILL at random moments and started again; Skyforge's
 * system (here, a JMS consumer on its queue) takes every order. At the end every formed order reached the supplier,
 * none twice (the outbox's row is marked sent only once the broker has the message, and Artemis' duplicate
 * detection drops a resend of the same message id), and every unit's ledger balances. Prints the counts.
 */
class OrdersUnderKillsIT {

    private static final int KILLS = 3;
    private static final List<String> ORDERERS = List.of("orderer.a1001", "orderer.a2002");

    private final Path folder = Path.of("target", "crash", "orders-" + UUID.randomUUID());
    private final AtomicBoolean ordering = new AtomicBoolean(true);
    private final List<String> formed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger receipts = new AtomicInteger();
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
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "hub"),
                "--spring.datasource.username=hub_crash",
                "--spring.flyway.user=postgres",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + broker.url()));
        hub.start().awaitUp(Duration.ofSeconds(120));

        try (Connection supplier = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
            Session session = supplier.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer orders = session.createConsumer(session.createQueue("supplier.skyforge.orders"));
            orders.setMessageListener(message -> {
                try {
                    receipts.incrementAndGet();
                    messageIds.add(message.getStringProperty("hubMessageId"));
                    String body = ((TextMessage) message).getText();
                    String order = body.replaceAll("(?s).*\"orderNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    received.computeIfAbsent(order, key -> new AtomicInteger()).incrementAndGet();
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
                Thread.sleep(6_000 + random.nextInt(8_000));
                hub.kill();
                restarts.add(hub.start().awaitUp(Duration.ofSeconds(120)));
            }
            Thread.sleep(5_000);
            ordering.set(false);
            for (Thread loop : orderers) {
                loop.join(60_000);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline) && !received.keySet().containsAll(formed)) {
                Thread.sleep(1000);
            }
            Thread.sleep(3000);

            long twice = received.values().stream().filter(count -> count.get() > 1).count();
            System.out.printf("Orders under kills: %d orders formed, %d kills and restarts (%s), %d requests "
                            + "refused while the hub was down; the supplier received %d messages, %d distinct "
                            + "orders, %d distinct message ids, %d orders more than once%n", formed.size(), KILLS,
                    restarts, refusedWhileDown.get(), receipts.get(), received.size(), messageIds.size(), twice);
            assertThat(formed).as("orders formed").hasSizeGreaterThan(50);
            assertThat(received.keySet()).as("every formed order reached the supplier").containsAll(formed);
            assertThat(twice).as("orders the supplier received more than once").isZero();
            assertThat(receipts.get()).as("messages received").isEqualTo(received.size());
        }
        JdbcTemplate hubDb = new JdbcTemplate(postgres.getDatabase("postgres", "hub"));
        LedgerInvariant.assertBalanced(hubDb);
        assertThat(hubDb.queryForObject("select count(*) from outbox_message where sent_at is null and "
                + "destination like '%supplier.skyforge.orders%'", Integer.class)).as("orders left unsent").isZero();
    }

    /** Checks out and signs one drone after another; a request that fails while the hub is down is tried again. */
    private void orderLoop(DemoApi api, String orderer) {
        Optional<String> token = Optional.empty();
        while (ordering.get()) {
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

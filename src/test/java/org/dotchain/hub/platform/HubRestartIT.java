package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.dotchain.hub.integration.PlainAmqpReceiver;
import org.dotchain.hub.integration.PartnerKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * The packaged hub killed with SIGKILL and started again on the same data folder: its embedded PostgreSQL outlives
 * it, and the next start finds that server, stops it and comes up the first time; a deadline check that fell due
 * while the hub was down runs once when it is up again; a supplier's system that reconnects meanwhile is never refused
 * for its credentials, and its AMQP receiver, attached without a capability before the first order, attaches again
 * after the restart and takes the orders formed then.
 */
class HubRestartIT {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Each deadline route's log line, as routes/deadlines.camel.yaml writes it. */
    static final Map<String, Pattern> DEADLINE_RUNS = Map.of(
            "pre-order-expiry", Pattern.compile("Pre-orders expired without an answer: \\d+"),
            "order-shipping-deadline", Pattern.compile("Orders not shipped in time: \\d+"),
            "certificate-deadline", Pattern.compile("Expenditure invoices not certified in time: \\d+"),
            "signing-reminder", Pattern.compile("Signing rounds reminded: \\d+"));

    HubProcess hub;

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (hub != null) {
            hub.cleanUp();
        }
    }

    @Test
    void theFirstStartAfterAKillSucceedsAndADeadlineDueMeanwhileRunsOnce() throws Exception {
        HubProcess.prepare();
        ZonedDateTime due = ZonedDateTime.now().plusSeconds(55).withNano(0);
        String once = String.format("%d %d %d %d %d ? %d", due.getSecond(), due.getMinute(), due.getHour(),
                due.getDayOfMonth(), due.getMonthValue(), due.getYear());
        hub = new HubProcess(Path.of("target", "it", "restart-" + UUID.randomUUID(), "data"), List.of(
                "--hub.deadlines.cron=" + once,
                // a run later than this is a misfire, handled by the trigger's misfire instruction (default 60 s)
                "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=5000"));

        hub.start().awaitUp(PATIENCE);
        URI broker = URI.create(hub.brokerUrl());
        String skyforgePassword = new PartnerKeys(new StandardEnvironment(), hub.dataDir(), false)
                .brokerPasswordOf("skyforge").orElseThrow();
        // Skyforge's AMQP client, attached the way most are by default, before the first order and through the kill
        PlainAmqpReceiver amqp = new PlainAmqpReceiver(broker.getHost(), broker.getPort(), "skyforge",
                skyforgePassword, "supplier.skyforge.orders");
        amqp.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> amqp.attachments() > 0);
        ProcessHandle postgres = hub.postgres().orElseThrow();
        assertThat(Instant.now()).as("the first hub is up well before the deadline falls due")
                .isBefore(due.minusSeconds(10).toInstant());
        hub.kill();
        assertThat(postgres.isAlive()).as("the embedded PostgreSQL outlives the killed hub").isTrue();
        assertThat(deadlineRuns(hub.output())).as("no deadline ran before the kill").isZero();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due.plusSeconds(3).toInstant()).toMillis()));
        BrokerProbe skyforge = new BrokerProbe(hub.brokerUrl(), "skyforge", skyforgePassword);
        try (skyforge) {
            hub.start();
            skyforge.start();
            hub.awaitUp(PATIENCE);
            await().atMost(Duration.ofSeconds(10)).until(() -> skyforge.connected.get() > 0);
        }
        assertThat(skyforge.refusedForCredentials).as("a supplier's system connecting while the hub starts is never "
                + "refused for its credentials: the broker listens only once its users exist").hasValue(0);

        try (amqp) {
            await().atMost(Duration.ofSeconds(20)).until(() -> amqp.attachments() > 1);
            DemoApi api = new DemoApi(hub);
            String token = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> api.tryLogin("orderer.a1001"), Optional::isPresent).orElseThrow();
            // Viriy's system is not there: its order waits on its own queue, Skyforge's goes on
            api.orderAndSign(token, "VRY-SCOUT", 1);
            String skyforgeOrder = api.orderAndSign(token, "SKF-FPV7", 1).get(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> amqp.received().stream()
                    .anyMatch(message -> message.contains(skyforgeOrder)));
            assertThat(amqp.refusal()).as("the broker never refused the receiver").isNull();
        }

        String log = hub.output();
        assertThat(log).as("the start says what it found and did")
                .contains("Found PostgreSQL (pid " + postgres.pid())
                .contains("has stopped");
        assertThat(postgres.isAlive()).isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() -> deadlineRuns(hub.output()) == DEADLINE_RUNS.size());
        Thread.sleep(5_000);
        String after = hub.output();
        DEADLINE_RUNS.forEach((route, line) -> assertThat(line.matcher(after).results().count())
                .as("runs of %s that fell due while the hub was down", route).isEqualTo(1));
        assertThat(after).doesNotContain("No CamelContext");

        hub.stop();
        assertThat(hub.postgres()).as("an orderly stop also stops the embedded PostgreSQL").isEmpty();
    }

    /** A supplier's system that keeps trying to connect to the broker as its own user, as a JMS client does. */
    static final class BrokerProbe extends Thread implements AutoCloseable {

        final AtomicInteger refusedForCredentials = new AtomicInteger();
        final AtomicInteger connected = new AtomicInteger();
        private final ActiveMQConnectionFactory factory;
        private volatile boolean probing = true;

        BrokerProbe(String brokerUrl, String user, String password) {
            factory = new ActiveMQConnectionFactory(brokerUrl + "?reconnectAttempts=0&initialConnectAttempts=1",
                    user, password);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (probing) {
                try (Connection connection = factory.createConnection()) {
                    connected.incrementAndGet();
                } catch (JMSSecurityException e) {
                    refusedForCredentials.incrementAndGet();
                } catch (JMSException e) {
                    // nothing listens yet
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            probing = false;
            join(5_000);
        }
    }

    private static long deadlineRuns(String log) {
        return DEADLINE_RUNS.values().stream().mapToLong(line -> line.matcher(log).results().count()).sum();
    }
}

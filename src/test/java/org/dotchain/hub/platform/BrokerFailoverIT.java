package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole supply cycle, each part a process of its own, against a standalone Artemis primary/backup pair
 * replicating on loopback: while the people order, receive and sign, the primary is killed (the backup takes over
 * and the hub's connections and the reference systems' fail over to it); the primary is started again, takes the
 * backup's journal and stays its backup; then the backup is killed, and the clients fail over to the primary once
 * more. After each failover, an order formed after the kill is relayed from the outbox and taken by its supplier's
 * system; at the end each order was carried once in effect
 * ({@link CycleTally#assertEachOnce}). Should the hub fall silent after a failover, its threads are dumped beside
 * its log.
 */
class BrokerFailoverIT {

    private static final List<PeopleAtWork.Product> PRODUCTS = List.of(
            new PeopleAtWork.Product("SKF-FPV7", 200), new PeopleAtWork.Product("STP-FIBRE", 50),
            new PeopleAtWork.Product("VRY-SCOUT", 35));
    /** How long the hub may take to carry an order formed after a failover to its supplier. */
    private static final Duration AFTER_A_FAILOVER = Duration.ofSeconds(90);

    private SupplyCycleRig rig;
    private StandaloneBroker.Pair broker;

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theHubCarriesOnThroughTheBackupAndBackAndCarriesEachOrderOnce() throws Exception {
        rig = new SupplyCycleRig(Path.of("target", "crash", "failover-" + UUID.randomUUID()));
        broker = StandaloneBroker.Pair.create(rig.folder.resolve("broker"), "hub", "change-me-broker")
                .withUser("skyforge", SupplyCycleRig.SKYFORGE_BROKER_PASSWORD).start();
        Path data = rig.folder.resolve("data");
        HubProcess hub = rig.hub(data, "hub", rig.hubSettings(broker.url()));
        hub.start().awaitUp(Duration.ofSeconds(120));
        ReferenceProcess reference = rig.startReference(hub.baseUrl(), data, broker.url());
        JdbcTemplate db = rig.hubDatabase();
        DemoApi api = new DemoApi(hub);
        PeopleAtWork people = rig.startPeople(api, PRODUCTS, 150);

        List<String> failovers = new ArrayList<>();
        awaitOrdersFormed(people, 10);
        long last = lastOutboxRow(db);
        Instant killed = Instant.now();
        broker.primary().kill();
        Duration takenOver = broker.backup().awaitLive(Duration.ofSeconds(60));
        Duration carried = anOrderFormedAfterwardsReachesItsSupplier(db, reference, hub, last, killed, "to-the-backup");
        failovers.add(String.format("the primary killed: the backup live after %d ms, an order formed after the kill "
                + "at its supplier %d s after it", takenOver.toMillis(), carried.toSeconds()));

        broker.primary().startAgainAsBackup();
        last = lastOutboxRow(db);
        killed = Instant.now();
        broker.backup().kill();
        takenOver = broker.primary().awaitLive(Duration.ofSeconds(60));
        carried = anOrderFormedAfterwardsReachesItsSupplier(db, reference, hub, last, killed, "back-to-the-primary");
        failovers.add(String.format("the primary started again, the backup's backup; the backup killed: the primary "
                + "live after %d ms, an order formed after the kill at its supplier %d s after it",
                takenOver.toMillis(), carried.toSeconds()));
        people.stopOrdering();

        CycleTally tally = rig.settle(Duration.ofSeconds(180));
        System.out.printf("Broker failover: %s; %d steps of the people that failed, 5xx answers %s.%n%s%n%s%n",
                failovers, people.failedSteps(), api.serverErrors(), tally.summary(), CycleTally.leftOver(db));
        assertThat(people.formed()).as("orders formed").hasSizeGreaterThan(20);
        rig.assertNoInternalErrors(api);
        tally.assertEachOnce(db);
    }

    private static void awaitOrdersFormed(PeopleAtWork people, int orders) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (people.formed().size() < orders && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(people.formed()).as("orders formed before the first failover").hasSizeGreaterThanOrEqualTo(orders);
    }

    private static long lastOutboxRow(JdbcTemplate db) {
        return db.queryForObject("select coalesce(max(id), 0) from outbox_message", Long.class);
    }

    /**
     * Waits until an order formed after the outbox row is sent by the outbox relay (on the broker live now) and taken
     * by its supplier's system; the time since the kill. If none is, dumps the hub's threads and fails.
     */
    private static Duration anOrderFormedAfterwardsReachesItsSupplier(JdbcTemplate db, ReferenceProcess reference,
            HubProcess hub, long after, Instant killed, String label) throws Exception {
        Instant deadline = Instant.now().plus(AFTER_A_FAILOVER);
        while (Instant.now().isBefore(deadline)) {
            List<String> sent = db.queryForList("select correlation_id from outbox_message where id > ? and "
                    + "message_type = 'ORDER' and sent_at is not null", String.class, after);
            if (!sent.isEmpty()) {
                List<String> taken = new ArrayList<>();
                reference.tally().path("orders").forEach(order -> taken.add(order.asText()));
                if (sent.stream().anyMatch(taken::contains)) {
                    return Duration.between(killed, Instant.now());
                }
            }
            Thread.sleep(200);
        }
        Path dump = hub.dumpThreads(label);
        throw new AssertionError("No order formed after the failover " + label + " reached its supplier in "
                + AFTER_A_FAILOVER.toSeconds() + " s (" + db.queryForObject("select count(*) from outbox_message "
                + "where sent_at is null", Integer.class) + " unsent); the hub's threads: " + dump);
    }
}

package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole supply cycle, from checkout to payment, with each part a process of its own: two instances of the
 * packaged hub behind a load balancer, against one PostgreSQL server and a standalone Artemis broker, and the
 * reference supplier and finance systems (Skyforge over JMS, Viriy over SOAP, Steppe over REST, the DPA's finance
 * over REST), which reach the hub through the balancer. While the units' and the DPA's people order, receive and
 * sign, the hub is killed with SIGKILL at moments aimed at each phase (an order in the outbox relay, a partner's
 * message being applied, a certificate's signing round, a payment under way): at the first, the second instance, for
 * good, the first carrying on alone (either may have been the one doing it); at each further one, the first, started
 * again each time. The database ends the hubs' connections; the broker is killed and started again (an outage). The
 * deadline checks, every 20 s on Quartz's clustered store, run at most once for each fire time across the instances.
 * At the end each order was carried once in effect ({@link CycleTally#assertEachOnce}). Prints the counts. (A
 * primary/backup pair of brokers failing over: {@link BrokerFailoverIT}.)
 */
class SupplyCycleThroughFaultsIT {

    private static final int MOST_ORDERS = 200;
    private static final List<PeopleAtWork.Product> PRODUCTS = List.of(
            // Skyforge's FPV-7 twice in each round: it has the most in stock
            new PeopleAtWork.Product("SKF-FPV7", 200), new PeopleAtWork.Product("SKF-FPV7", 200),
            new PeopleAtWork.Product("STP-FIBRE", 50), new PeopleAtWork.Product("VRY-SCOUT", 35));
    /** The deadline checks, often enough to see each fire time run on one instance only. */
    private static final String DEADLINE_CRON = "0/20 * * * * ?";
    private static final Pattern DEADLINE_RUN = Pattern.compile(
            "Pre-orders expired without an answer: \\d+ \\(due (\\S+)\\)");

    /**
     * What the hub is doing when it is killed: found in its database just before the kill, where the count is above
     * zero (or, growing, where it rose since the count before, 20 ms earlier).
     */
    private record Phase(String name, String countQuery, boolean growing) {

        Phase(String name, String countQuery) {
            this(name, countQuery, false);
        }
    }

    private static final List<Phase> PHASES = List.of(
            new Phase("an order in the outbox relay",
                    "select count(*) from outbox_message where sent_at is null and message_type = 'ORDER'"),
            new Phase("a partner's message being applied", "select count(*) from camel_messageprocessed", true),
            new Phase("a certificate's signing round",
                    "select count(*) from signature s join acceptance_certificate c on c.document_id = s.document_id "
                            + "where c.status = 'AWAITING_SIGNATURES' and s.signed_at > now() - interval '1 second'"),
            new Phase("a payment under way",
                    "select count(*) from acceptance_certificate where status = 'PAYMENT_READY'"));

    private SupplyCycleRig rig;
    private StandaloneBroker broker;
    private LoopbackBalancer balancer;

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        if (rig != null) {
            rig.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void everyOrderIsDeliveredAndPaidOnceThroughKillsAndOutages() throws Exception {
        rig = new SupplyCycleRig(Path.of("target", "crash", "cycle-" + UUID.randomUUID()));
        broker = StandaloneBroker.create(rig.folder.resolve("broker"), "hub", "change-me-broker")
                .withUser("skyforge", SupplyCycleRig.SKYFORGE_BROKER_PASSWORD).start();
        List<String> settings = rig.hubSettings(broker.clientUrl(), "--hub.deadlines.cron=" + DEADLINE_CRON);
        // one data folder, the hub's keys, shared as the instances of one hub share their secrets
        Path data = rig.folder.resolve("data");
        Instant firstStart = Instant.now();
        HubProcess survivor = rig.hub(data, "hub-a", settings);
        HubProcess second = rig.hub(data, "hub-b", settings);
        // one after the other: the first migrates the schema, loads the demo data and makes the keys (a start
        // beside the other's, the reference systems' and the people's work takes three times as long)
        survivor.start().awaitUp(Duration.ofSeconds(120));
        second.start().awaitUp(Duration.ofSeconds(120));
        balancer = new LoopbackBalancer(rig.hubs().stream().map(HubProcess::httpPort).toList());
        rig.startReference(balancer.baseUrl(), data, broker.clientUrl());
        JdbcTemplate db = rig.hubDatabase();
        DemoApi api = new DemoApi(balancer.baseUrl());
        PeopleAtWork people = rig.startPeople(api, PRODUCTS, MOST_ORDERS);

        Random random = new Random();
        List<String> kills = new ArrayList<>();
        // at the first phase the second instance is killed for good, under load: the first carries on alone
        awaitPhase(db, PHASES.get(0), random);
        second.kill();
        int stepsAtKill = people.stepsDone();
        Thread.sleep(5_000);
        int stepsByTheSurvivor = people.stepsDone() - stepsAtKill;
        kills.add(String.format("%s at %s, for good (%s took %d steps of the people in the next 5 s)",
                second.name(), PHASES.get(0).name(), survivor.name(), stepsByTheSurvivor));
        // at each further phase the survivor is killed and started again
        for (Phase phase : PHASES.subList(1, PHASES.size())) {
            awaitPhase(db, phase, random);
            survivor.kill();
            Duration up = survivor.start().awaitUp(Duration.ofSeconds(120));
            kills.add(String.format("%s at %s, up again after %d s", survivor.name(), phase.name(), up.toSeconds()));
        }
        Thread.sleep(3_000);
        int terminated = 0;
        for (int round = 0; round < 2; round++) {
            terminated += rig.server().queryForObject("select count(pg_terminate_backend(pid)) from "
                    + "pg_stat_activity where usename = ?", Integer.class, SupplyCycleRig.HUB_ROLE);
            Thread.sleep(3_000);
        }
        // the broker killed and started again on its journal: an outage
        broker.kill();
        boolean outageShown = readinessAnswers(503, Duration.ofSeconds(60));
        Thread.sleep(3_000);
        broker.start();
        boolean recovered = readinessAnswers(200, Duration.ofSeconds(90));
        // the orderers stop by themselves at the most orders
        Instant ordering = Instant.now().plus(Duration.ofSeconds(120));
        while (people.formed().size() < MOST_ORDERS && Instant.now().isBefore(ordering)) {
            Thread.sleep(500);
        }
        people.stopOrdering();

        CycleTally tally = rig.settle(Duration.ofSeconds(240));
        int deadlineFireTimes = fireTimesBetween(DEADLINE_CRON, firstStart, Instant.now());
        // each run of the pre-order check logs the fire time it ran for, on whichever instance ran it
        List<String> deadlineRuns = new ArrayList<>();
        for (HubProcess hub : rig.hubs()) {
            deadlineRuns.addAll(hub.matches(DEADLINE_RUN));
        }
        System.out.printf("Supply cycle through faults: %d kills: %s; %d of the hubs' database connections ended; "
                        + "the broker killed and started again (readiness DOWN meanwhile: %s, UP after: %s); %d steps "
                        + "of the people that failed (an instance down or restarting, the database or the broker "
                        + "away), 5xx answers %s; %d receipts and %d signatures by the people; the pre-order deadline "
                        + "check ran on the two instances for %d distinct fire times of %d.%n%s%n%s%n",
                kills.size(), kills, terminated, outageShown, recovered, people.failedSteps(), api.serverErrors(),
                people.receipts(), people.signatures(), deadlineRuns.stream().distinct().count(), deadlineFireTimes,
                tally.summary(), CycleTally.leftOver(db));
        assertThat(people.formed()).as("orders formed, the last within 120 s of the broker's recovery")
                .hasSizeGreaterThan(150);
        assertThat(terminated).as("database connections ended").isPositive();
        assertThat(outageShown).as("readiness DOWN while the broker is away").isTrue();
        assertThat(recovered).as("ready again once the broker is back").isTrue();
        assertThat(stepsByTheSurvivor).as("steps the survivor took alone").isPositive();
        assertThat(deadlineRuns).as("fire times of the pre-order check's runs on either instance").isNotEmpty()
                .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(deadlineFireTimes);
        rig.assertNoInternalErrors(api);
        tally.assertEachOnce(db);
    }

    /** After the hubs have been at work a while, waits until they are at the phase. */
    private static void awaitPhase(JdbcTemplate db, Phase phase, Random random) throws InterruptedException {
        Thread.sleep(3_000 + random.nextInt(3_000));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int before = db.queryForObject(phase.countQuery(), Integer.class);
        int count = before;
        while (!(phase.growing() ? count > before : count > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            before = count;
            count = db.queryForObject(phase.countQuery(), Integer.class);
        }
        assertThat(phase.growing() ? count - before : count).as("the hubs at %s", phase.name()).isPositive();
    }

    private static int fireTimesBetween(String cron, Instant from, Instant to) throws ParseException {
        CronExpression schedule = new CronExpression(cron);
        int count = 0;
        for (Date next = schedule.getNextValidTimeAfter(Date.from(from)); next.toInstant().isBefore(to);
                next = schedule.getNextValidTimeAfter(next)) {
            count++;
        }
        return count;
    }

    /** Whether every running instance's readiness answers the status within the time. */
    private boolean readinessAnswers(int status, Duration patience) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(patience);
        List<HubProcess> waiting = new ArrayList<>(rig.hubs().stream().filter(HubProcess::isRunning).toList());
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            for (HubProcess hub : List.copyOf(waiting)) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == status) {
                        waiting.remove(hub);
                    }
                } catch (IOException notNow) {
                    // the hub is busy or restarting: ask again
                }
            }
            Thread.sleep(500);
        }
        return waiting.isEmpty();
    }
}

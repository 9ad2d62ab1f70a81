package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dotchain.hub.LedgerInvariant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole supply cycle, from checkout to payment, with each part a process of its own: two instances of the
 * packaged hub behind a load balancer, against one PostgreSQL server and a standalone Artemis primary/backup pair,
 * and the reference supplier and finance systems (Skyforge over JMS, Viriy over SOAP, Steppe over REST, the DPA's
 * finance over REST), which reach the hub through the balancer. While the units' and the DPA's people order, receive
 * and sign, the hub is killed with SIGKILL at moments aimed at each phase (an order in the outbox relay, a partner's
 * message being applied, a certificate's signing round, a payment under way): at the first, the second instance, for
 * good, the first carrying on alone (either may have been the one doing it); at each further one, the first, started
 * again each time. The database ends the hubs' connections; both brokers are killed and started again (an outage).
 * The deadline checks, every 20 s on Quartz's clustered store, run at most once for each fire time across the
 * instances. At the end every order is paid and completed; the
 * reference systems, which count what they took by message id and by subject, received every order and every
 * payment request in one message each (any repeat of a message id dropped and counted); every despatch was applied
 * once; and every unit's ledger balances. Prints the counts.
 */
class SupplyCycleThroughFaultsIT {

    private static final int MOST_ORDERS = 200;
    private static final List<PeopleAtWork.Product> PRODUCTS = List.of(
            // Skyforge's FPV-7 twice in each round: it has the most in stock
            new PeopleAtWork.Product("SKF-FPV7", 200), new PeopleAtWork.Product("SKF-FPV7", 200),
            new PeopleAtWork.Product("STP-FIBRE", 50), new PeopleAtWork.Product("VRY-SCOUT", 35));
    private static final List<String> UNITS = List.of("a1001", "a2002", "a3003");
    /** The deadline checks, often enough to see each fire time run on one instance only. */
    private static final String DEADLINE_CRON = "0/20 * * * * ?";
    private static final Pattern DEADLINE_RUN = Pattern.compile(
            "Pre-orders expired without an answer: \\d+ \\(due (\\S+)\\)");
    /** Skyforge's user on the brokers, given to the hub and to Skyforge's system as secrets are (Base64). */
    private static final String SKYFORGE_BROKER_PASSWORD = Base64.getEncoder().encodeToString(
            UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));

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

    private final Path folder = Path.of("target", "crash", "cycle-" + UUID.randomUUID());
    private EmbeddedPostgres postgres;
    private StandaloneBroker.Pair broker;
    private final List<HubProcess> hubs = new ArrayList<>();
    private LoopbackBalancer balancer;
    private ReferenceProcess reference;
    private PeopleAtWork people;

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (people != null) {
            people.stop();
        }
        if (reference != null) {
            reference.stop();
        }
        if (balancer != null) {
            balancer.close();
        }
        for (HubProcess hub : hubs) {
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
    void everyOrderIsDeliveredAndPaidOnceThroughKillsAndOutages() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        JdbcTemplate server = new JdbcTemplate(postgres.getPostgresDatabase());
        server.execute("create role hub_writer nologin");
        server.execute("create role hub_crash login in role hub_writer");
        server.execute("create database hub");
        broker = StandaloneBroker.Pair.create(folder.resolve("broker"), "hub", "change-me-broker")
                .withUser("skyforge", SKYFORGE_BROKER_PASSWORD);
        broker.start();
        int referencePort = HubProcess.freePort();
        String referenceUrl = "http://127.0.0.1:" + referencePort;
        List<String> settings = List.of(
                // not the server's own URL, which names its superuser: the hub logs in as its own role
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/hub",
                "--spring.datasource.username=hub_crash",
                "--spring.flyway.user=postgres",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + broker.url(),
                "--hub.suppliers.skyforge.broker-password=" + SKYFORGE_BROKER_PASSWORD,
                "--hub.suppliers.steppe.endpoint=" + referenceUrl + "/steppe/hub/messages",
                "--hub.suppliers.viriy.endpoint=" + referenceUrl + "/services/viriy/hub/orders",
                "--hub.finance.endpoint=" + referenceUrl + "/finance/payments",
                "--hub.deadlines.cron=" + DEADLINE_CRON);
        // one data folder, the hub's keys, shared as the instances of one hub share their secrets
        Path data = folder.resolve("data");
        Instant firstStart = Instant.now();
        HubProcess survivor = new HubProcess(data, "hub-a", settings);
        HubProcess second = new HubProcess(data, "hub-b", settings);
        hubs.addAll(List.of(survivor, second));
        // one after the other: the first migrates the schema, loads the demo data and makes the keys (a start
        // beside the other's, the reference systems' and the people's work takes three times as long)
        survivor.start().awaitUp(Duration.ofSeconds(120));
        second.start().awaitUp(Duration.ofSeconds(120));
        balancer = new LoopbackBalancer(hubs.stream().map(HubProcess::httpPort).toList());
        reference = new ReferenceProcess(referencePort, balancer.baseUrl(), data, broker.url(),
                folder.resolve("reference.log"), List.of(
                        "--hub.suppliers.skyforge.broker-password=" + SKYFORGE_BROKER_PASSWORD,
                        "--reference.answer-delay=100ms", "--reference.ship-delay=200ms",
                        "--reference.certificate-delay=200ms", "--reference.payment-delay=200ms",
                        "--reference.despatches=1"));
        reference.start();
        JdbcTemplate db = new JdbcTemplate(postgres.getDatabase("postgres", "hub"));

        DemoApi api = new DemoApi(balancer.baseUrl());
        people = new PeopleAtWork(api, PRODUCTS, MOST_ORDERS);
        for (String unit : UNITS) {
            people.ordererAndReceiver("orderer." + unit, login(api, "orderer." + unit));
            people.signatory("signatory." + unit, login(api, "signatory." + unit));
        }
        people.signatory("dpa.signatory", login(api, "dpa.signatory"));

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
            terminated += server.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where usename = 'hub_crash'", Integer.class);
            Thread.sleep(3_000);
        }
        // both brokers of the pair down at once (the backup first, so that it does not take over): an outage, then
        // the pair started again, the primary first, on its journal, which is the newest
        broker.backup().kill();
        broker.primary().kill();
        boolean outageShown = readinessAnswers(503, Duration.ofSeconds(60));
        Thread.sleep(3_000);
        broker.start();
        boolean recovered = readinessAnswers(200, Duration.ofSeconds(90));
        Thread.sleep(5_000);
        people.stopOrdering();

        Instant settled = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(settled) && db.queryForObject("select count(*) from purchase_order "
                + "where status <> 'COMPLETED'", Integer.class) > 0) {
            Thread.sleep(1000);
        }
        Thread.sleep(3000);
        people.stop();
        int deadlineFireTimes = fireTimesBetween(DEADLINE_CRON, firstStart, Instant.now());
        // each run of the pre-order check logs the fire time it ran for, on whichever instance ran it
        List<String> deadlineRuns = new ArrayList<>();
        for (HubProcess hub : hubs) {
            deadlineRuns.addAll(hub.matches(DEADLINE_RUN));
        }

        JsonNode tally = reference.tally();
        JsonNode orders = tally.at("/taken/ORDER");
        JsonNode paymentRequests = tally.at("/taken/PAYMENT_REQUEST");
        int formedByTheHub = db.queryForObject("select count(*) from outbox_message where message_type = 'ORDER'",
                Integer.class);
        int ordersInTheHub = db.queryForObject("select count(*) from purchase_order", Integer.class);
        int completed = db.queryForObject("select count(*) from purchase_order where status = 'COMPLETED'",
                Integer.class);
        int despatches = db.queryForObject("select count(*) from shipment", Integer.class);
        int distinctDespatches = db.queryForObject("select count(distinct despatch_number) from shipment",
                Integer.class);
        int items = db.queryForObject("select count(*) from shipment_item", Integer.class);
        int drones = db.queryForObject("select coalesce(sum(quantity), 0) from order_line", Integer.class);
        int certificates = db.queryForObject("select count(*) from acceptance_certificate", Integer.class);
        int paid = db.queryForObject("select count(distinct payment_reference) from acceptance_certificate "
                + "where status = 'PAID'", Integer.class);
        System.out.printf("Supply cycle through faults: %d orders formed by the orderers' answers, %d by the hub's "
                        + "outbox, %d completed (paid) of %d; %d kills: %s; %d of the hubs' database connections "
                        + "ended; both brokers killed and started again (readiness DOWN meanwhile: %s, UP after: %s); "
                        + "%d steps of the people that failed (an instance down or restarting, "
                        + "the database or the broker away), 5xx answers %s; %d receipts and %d signatures by the "
                        + "people; the pre-order deadline check ran on the two instances for %d distinct fire times "
                        + "of %d.%n"
                        + "The reference systems took %s and sent %s. The hub applied %d despatches (%d distinct, "
                        + "%d items of %d drones ordered) and holds %d certificates, %d paid with distinct payment "
                        + "references.%n",
                people.formed().size(), formedByTheHub, completed, ordersInTheHub, kills.size(), kills, terminated,
                outageShown, recovered, people.failedSteps(), api.serverErrors(), people.receipts(),
                people.signatures(), deadlineRuns.stream().distinct().count(),
                deadlineFireTimes, tally.path("taken"), tally.path("sent"), despatches, distinctDespatches, items,
                drones, certificates, paid);

        // what did not get through, if anything, for whoever reads a failed run
        System.out.printf("Left over: orders %s; certificates %s; unsent %s%n",
                db.queryForList("select order_number || ' ' || status from purchase_order where status <> "
                        + "'COMPLETED'", String.class),
                db.queryForList("select c.certificate_number || ' ' || c.status || ', round ' || coalesce(r.status, "
                        + "'none') || ' at step ' || coalesce(r.current_step::text, '-') || ': ' || coalesce((select "
                        + "string_agg(s.step_number || ' ' || s.party_role || ' ' || coalesce(to_char(s.signed_at, "
                        + "'HH24:MI:SS'), 'unsigned'), ', ' order by s.step_number) from signing_step s where "
                        + "s.round_id = r.id), '') || ', open requests ' || (select count(*) from signing_request q "
                        + "where q.round_id = r.id and q.completed_at is null) from acceptance_certificate c left join "
                        + "signing_round r on r.document_id = c.document_id where c.status <> 'PAID'", String.class),
                db.queryForList("select message_type || ' to ' || destination || ' about ' || correlation_id from "
                        + "outbox_message where sent_at is null", String.class));
        assertThat(people.formed()).as("orders formed").hasSizeGreaterThan(150);
        assertThat(terminated).as("database connections ended").isPositive();
        assertThat(outageShown).as("readiness DOWN while the broker is away").isTrue();
        assertThat(recovered).as("ready again once the broker is back").isTrue();
        assertThat(stepsByTheSurvivor).as("steps the survivor took alone").isPositive();
        assertThat(deadlineRuns).as("fire times of the pre-order check's runs on either instance").isNotEmpty()
                .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(deadlineFireTimes);
        List<String> hubFailures = new ArrayList<>();
        for (String answer : api.internalErrors()) {
            hubFailures.add(answer);
            Matcher id = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(answer);
            if (id.find()) {
                for (HubProcess hub : hubs) {
                    hubFailures.addAll(hub.logLinesAbout(id.group(1)));
                }
            }
        }
        assertThat(api.serverErrors()).as("500 answers: %s", String.join("\n", hubFailures)).doesNotContainKey(500);
        assertThat(completed).as("orders paid and completed").isEqualTo(ordersInTheHub).isEqualTo(formedByTheHub);
        List<String> atTheSupplier = new ArrayList<>();
        tally.path("orders").forEach(order -> atTheSupplier.add(order.asText()));
        assertThat(atTheSupplier).as("every formed order reached its supplier").containsAll(people.formed())
                .hasSize(formedByTheHub);
        assertThat(orders.path("inMoreThanOneMessage")).as("orders a supplier received in two messages").isEmpty();
        assertThat(despatches).as("despatches applied once").isEqualTo(distinctDespatches)
                .isEqualTo(tally.at("/sent/DESPATCH_ADVICE").asInt()).isEqualTo(formedByTheHub);
        assertThat(items).as("items shipped, each with its serial number").isEqualTo(drones);
        assertThat(paymentRequests.path("subjects").asInt()).as("certificates the finance system was asked to pay")
                .isEqualTo(certificates);
        assertThat(paymentRequests.path("inMoreThanOneMessage")).as("payments asked for twice").isEmpty();
        assertThat(paid).as("certificates paid, each once").isEqualTo(certificates)
                .isEqualTo(tally.at("/sent/PAYMENT_CONFIRMATION").asInt());
        LedgerInvariant.assertBalanced(db);
        assertThat(db.queryForObject("select count(*) from unit_budget where reserved <> 0 or committed <> 0",
                Integer.class)).as("units with money still reserved or committed").isZero();
        assertThat(db.queryForObject("select count(*) from outbox_message where sent_at is null", Integer.class))
                .as("messages left unsent").isZero();
    }

    /** A bearer token; a login whose TOTP code was taken already waits for the next code. */
    private static String login(DemoApi api, String username) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(70));
        while (Instant.now().isBefore(deadline)) {
            var token = api.tryLogin(username);
            if (token.isPresent()) {
                return token.get();
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("No login for " + username);
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
        List<HubProcess> waiting = new ArrayList<>(hubs.stream().filter(HubProcess::isRunning).toList());
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

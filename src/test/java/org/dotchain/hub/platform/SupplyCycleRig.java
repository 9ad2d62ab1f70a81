package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the process tests of the whole supply cycle share: a PostgreSQL server in which the hub logs in as a role of
 * its own, the hub's settings for a broker outside it and the reference systems, the reference systems (Skyforge over
 * JMS, Viriy over SOAP, Steppe over REST, the DPA's finance over REST) as a process, and the units' and the DPA's
 * people at work. Everything it started is stopped by {@link #close()}.
 */
final class SupplyCycleRig implements AutoCloseable {

    static final List<String> UNITS = List.of("a1001", "a2002", "a3003");
    /** Skyforge's user on the broker, given to the hub and to Skyforge's system as secrets are (Base64). */
    static final String SKYFORGE_BROKER_PASSWORD = Base64.getEncoder().encodeToString(
            UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    static final String HUB_ROLE = "hub_process";

    final Path folder;
    final int referencePort = HubProcess.freePort();
    private final EmbeddedPostgres postgres;
    private final List<HubProcess> hubs = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poolWatch = Executors.newSingleThreadScheduledExecutor();
    private final Set<Path> poolDumped = ConcurrentHashMap.newKeySet();
    private final Map<Path, Long> logRead = new ConcurrentHashMap<>();
    private ReferenceProcess reference;
    private PeopleAtWork people;

    SupplyCycleRig(Path folder) throws Exception {
        this.folder = folder;
        HubProcess.prepare();
        postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        try {
            JdbcTemplate server = server();
            server.execute("create role hub_writer nologin");
            server.execute("create role " + HUB_ROLE + " login in role hub_writer");
            server.execute("create database hub");
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        poolWatch.scheduleWithFixedDelay(this::dumpWhereThePoolRunsOut, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * Should a hub's requests wait for a database connection until they time out, its threads and what its database
     * connections are doing, beside its log, once for each start: the cause is in them, not in the log.
     */
    private void dumpWhereThePoolRunsOut() {
        for (HubProcess hub : hubs) {
            try {
                Path log = hub.log();
                if (!hub.isRunning() || log == null || poolDumped.contains(log) || !newLines(log).contains(
                        "Connection is not available")) {
                    continue;
                }
                poolDumped.add(log);
                String label = "pool-" + poolDumped.size();
                hub.dumpThreads(label);
                List<String> activity = server().query("select pid, state, wait_event_type, wait_event, "
                        + "now() - xact_start as in_transaction, left(query, 300) as query from pg_stat_activity "
                        + "where usename = ? order by xact_start", (row, index) -> String.join(" | ",
                        row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6)), HUB_ROLE);
                Files.write(folder.resolve(hub.name() + "-connections-" + label + ".txt"), activity);
            } catch (Exception e) {
                System.out.printf("No dump of %s's threads: %s%n", hub.name(), e);
            }
        }
    }

    /** What the log gained since the last look (as ISO-8859-1: the marker looked for is ASCII). */
    private String newLines(Path log) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long from = logRead.getOrDefault(log, 0L);
            ByteBuffer gained = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, channel.size() - from));
            channel.read(gained, from);
            logRead.put(log, from + gained.position());
            return new String(gained.array(), 0, gained.position(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The server as its superuser. */
    JdbcTemplate server() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** The hub's database. */
    JdbcTemplate hubDatabase() {
        return new JdbcTemplate(postgres.getDatabase("postgres", "hub"));
    }

    /** The hub's settings: this database as its own role, the broker at the URL, the reference systems. */
    List<String> hubSettings(String brokerUrl, String... more) {
        String referenceUrl = "http://127.0.0.1:" + referencePort;
        List<String> settings = new ArrayList<>(List.of(
                // not the server's own URL, which names its superuser: the hub logs in as its own role
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/hub",
                "--spring.datasource.username=" + HUB_ROLE,
                "--spring.flyway.user=postgres",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + brokerUrl,
                "--hub.suppliers.skyforge.broker-password=" + SKYFORGE_BROKER_PASSWORD,
                "--hub.suppliers.steppe.endpoint=" + referenceUrl + "/steppe/hub/messages",
                "--hub.suppliers.viriy.endpoint=" + referenceUrl + "/services/viriy/hub/orders",
                "--hub.finance.endpoint=" + referenceUrl + "/finance/payments"));
        settings.addAll(List.of(more));
        return settings;
    }

    /** An instance of the hub, stopped (killed if need be) when the rig closes. */
    HubProcess hub(Path dataDir, String name, List<String> settings) {
        HubProcess hub = new HubProcess(dataDir, name, settings);
        hubs.add(hub);
        return hub;
    }

    List<HubProcess> hubs() {
        return hubs;
    }

    /** The reference systems, answering the hub at the address soon, as a partner's system does. */
    ReferenceProcess startReference(String hubUrl, Path hubDataDir, String brokerUrl) throws Exception {
        reference = new ReferenceProcess(referencePort, hubUrl, hubDataDir, brokerUrl, folder.resolve("reference.log"),
                List.of("--hub.suppliers.skyforge.broker-password=" + SKYFORGE_BROKER_PASSWORD,
                        "--reference.answer-delay=100ms", "--reference.ship-delay=200ms",
                        "--reference.certificate-delay=200ms", "--reference.payment-delay=200ms",
                        "--reference.despatches=1"));
        return reference.start();
    }

    /** Each unit's orderer (its receiver too) and signatory, and the DPA's signatory, at work. */
    PeopleAtWork startPeople(DemoApi api, List<PeopleAtWork.Product> products, int mostOrders) throws Exception {
        people = new PeopleAtWork(api, products, mostOrders);
        for (String unit : UNITS) {
            people.ordererAndReceiver("orderer." + unit, login(api, "orderer." + unit));
            people.signatory("signatory." + unit, login(api, "signatory." + unit));
        }
        people.signatory("dpa.signatory", login(api, "dpa.signatory"));
        return people;
    }

    /** Once the people have stopped ordering: waits until every order is paid, then stops them and counts. */
    CycleTally settle(Duration patience) throws Exception {
        CycleTally.awaitSettled(hubDatabase(), patience);
        people.stop();
        return CycleTally.of(hubDatabase(), reference, people);
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

    /** No answer was a 500; those there were, with the hubs' log lines about each, in the failure. */
    void assertNoInternalErrors(DemoApi api) throws IOException {
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
    }

    /** Stops what it started, each part whatever the others did. */
    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(poolWatch::shutdownNow);
        if (people != null) {
            parts.add(people::stop);
        }
        if (reference != null) {
            parts.add(reference::stop);
        }
        hubs.forEach(hub -> parts.add(hub::cleanUp));
        parts.add(postgres::close);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }
}

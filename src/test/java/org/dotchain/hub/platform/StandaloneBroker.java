package org.dotchain.hub.platform;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Apache Artemis distribution (org.apache.activemq:apache-artemis, unpacked by the build into
 * target/artemis) as a broker process of its own: an instance made with its own `artemis create`, persistent, its
 * journal on disk with fsync, duplicate detection as it ships; started, killed with SIGKILL, started again.
 */
public final class StandaloneBroker {

    /**
     * What the broker logs once it serves clients: live (AMQ221007), or as a backup synchronized with its primary
     * (AMQ221024).
     */
    private static final String LIVE = "AMQ221007";
    private static final String BACKUP_IN_STEP = "AMQ221024";
    /** What a backup logs once its primary knows it is there (after it is in step). */
    private static final String BACKUP_ANNOUNCED = "AMQ221031";
    /**
     * A client's reconnect settings, the README's: attempts that last about 18 s, after which the client gives up and
     * says so, and a blocking call caught in a failover bounded to 30 s.
     */
    private static final String RECONNECTS = "reconnectAttempts=12&retryInterval=500&retryIntervalMultiplier=1.5"
            + "&maxRetryInterval=2000&callFailoverTimeout=30000";

    private final Path instance;
    private final int port;
    private final String ready;
    private Process process;
    private Path log;
    private int starts;

    private StandaloneBroker(Path instance, int port, String ready) {
        this.instance = instance;
        this.port = port;
        this.ready = ready;
    }

    /** A new broker instance in the folder, for the hub's user, taking anonymous clients too. */
    public static StandaloneBroker create(Path instance, String user, String password) throws Exception {
        return create(instance, user, password, HubProcess.freePort(), List.of(), LIVE);
    }

    /**
     * A primary and its backup, on loopback, the backup holding a replica of the primary's journal (Artemis'
     * replication, a static cluster of the two): when the primary dies, the backup becomes live with every message the
     * primary had taken; clients whose URL names both, with ha=true, fail over to it.
     */
    public record Pair(StandaloneBroker primary, StandaloneBroker backup) {

        public static Pair create(Path folder, String user, String password) throws Exception {
            int primaryPort = HubProcess.freePort();
            int backupPort = HubProcess.freePort();
            List<String> cluster = List.of("--replicated", "--cluster-user", "cluster", "--cluster-password",
                    "cluster-" + password);
            List<String> primary = new ArrayList<>(cluster);
            primary.addAll(List.of("--static-cluster", "tcp://127.0.0.1:" + backupPort));
            List<String> backup = new ArrayList<>(cluster);
            backup.addAll(List.of("--backup", "--static-cluster", "tcp://127.0.0.1:" + primaryPort));
            StandaloneBroker first = StandaloneBroker.create(folder.resolve("primary"), user, password, primaryPort,
                    primary, LIVE);
            // started again after a failover, the primary takes the live backup's journal before it serves
            Path config = first.instance.resolve("etc/broker.xml");
            String created = Files.readString(config);
            if (!created.contains("<primary>")) {
                throw new IllegalStateException("No <primary> policy in the created " + config);
            }
            Files.writeString(config, created.replace("<primary>",
                    "<primary>\n               <check-for-active-server>true</check-for-active-server>"));
            return new Pair(first, StandaloneBroker.create(folder.resolve("backup"), user, password, backupPort,
                    backup, BACKUP_IN_STEP));
        }

        /**
         * The URL a client gives to reach the pair: both brokers, ha=true to follow the pair's topology and fail over,
         * and the reconnect settings: the URL the README gives.
         */
        public String url() {
            return "(" + primary.url() + "," + backup.url() + ")?ha=true&" + RECONNECTS;
        }

        public Pair withUser(String user, String password) throws IOException {
            primary.withUser(user, password);
            backup.withUser(user, password);
            return this;
        }

        public Pair start() throws Exception {
            primary.start();
            backup.start();
            return this;
        }

        public void stop() throws InterruptedException {
            backup.stop();
            primary.stop();
        }
    }

    private static StandaloneBroker create(Path instance, String user, String password, int port, List<String> options,
                                           String ready) throws Exception {
        Path home = Path.of(System.getProperty("artemis.home", "target/artemis/apache-artemis-2.40.0"));
        // through bash: an unpacked archive need not keep the script's executable bit
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/artemis").toString(), "create",
                instance.toAbsolutePath().toString(), "--user", user, "--password", password, "--allow-anonymous",
                "--silent", "--no-web", "--nio", "--host", "127.0.0.1", "--default-port", Integer.toString(port),
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor"));
        command.addAll(options);
        Files.createDirectories(instance.getParent());
        Process create = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(instance.resolveSibling(instance.getFileName() + "-create.log").toFile()).start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("artemis create failed; see its log beside " + instance);
        }
        return new StandaloneBroker(instance, port, ready);
    }

    /** A user of the broker's own, in the role its creating user has (before the broker starts, or it reloads). */
    public StandaloneBroker withUser(String user, String password) throws IOException {
        Path etc = instance.resolve("etc");
        Files.writeString(etc.resolve("artemis-users.properties"), "%n%s = %s%n".formatted(user, password),
                StandardOpenOption.APPEND);
        Path roles = etc.resolve("artemis-roles.properties");
        Files.writeString(roles, Files.readString(roles).replaceFirst("(?m)^amq\\s*=\\s*(.*)$", "amq = $1," + user));
        return this;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The URL a client of this broker alone gives, with the README's reconnect settings. */
    public String clientUrl() {
        return url() + "?" + RECONNECTS;
    }

    public StandaloneBroker start() throws Exception {
        return start(ready);
    }

    /**
     * Starts a primary again after its backup took over: it finds the backup active (check-for-active-server), takes
     * its journal and stays its backup, the two having swapped roles; returns once it is in step.
     */
    public StandaloneBroker startAgainAsBackup() throws Exception {
        return start(BACKUP_ANNOUNCED);
    }

    /** Starts the broker and waits until its log has the marker (and, for a live one, it takes connections). */
    private StandaloneBroker start(String marker) throws Exception {
        starts++;
        log = instance.resolveSibling(instance.getFileName() + "-start-" + starts + ".log");
        process = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited before it was live; see " + log);
            }
            if (Files.readString(log).contains(marker) && (!marker.equals(LIVE) || accepts())) {
                return this;
            }
            Thread.sleep(500);
        }
        kill();
        throw new IllegalStateException("The broker had not logged " + marker + " after 90 s; see " + log);
    }

    /**
     * Waits until this broker, serving as a backup since its start, has taken over from its primary and serves
     * clients.
     */
    public Duration awaitLive(Duration patience) throws Exception {
        Instant start = Instant.now();
        while (Instant.now().isBefore(start.plus(patience))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited instead of taking over; see " + log);
            }
            if (Files.readString(log).contains(LIVE) && accepts()) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The broker was not live after " + patience.toSeconds() + " s; see " + log);
    }

    /** SIGKILL: the broker ends at once, its journal as the disk has it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

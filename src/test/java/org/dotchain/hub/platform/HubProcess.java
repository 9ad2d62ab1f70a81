package org.dotchain.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged hub as a process of its own, on its own data folder and ports, with the demo data: started, asked
 * for its health, killed with SIGKILL or stopped, and started again on the same folder. Several instances of one hub
 * share a data folder (its keys) and have a name each. The jar runs extracted and with its class archive, as the
 * README's production start does: classes load from plain jars about twice as fast as from the nested ones, and
 * faster again from the archive.
 */
public final class HubProcess {

    private static final Path EXTRACTED = Path.of("target", "hub-extracted");
    private static final String HEAP = "-Xmx768m";
    private final String name;
    private final Path dataDir;
    private final List<String> settings;
    private final int httpPort;
    private final int brokerPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int starts;

    public HubProcess(Path dataDir, List<String> settings) {
        this(dataDir, dataDir.getFileName().toString(), settings);
    }

    /** An instance of the hub whose data folder is {@code dataDir}; its logs are named after it. */
    public HubProcess(Path dataDir, String name, List<String> settings) {
        this.name = name;
        this.dataDir = dataDir.toAbsolutePath();
        this.httpPort = freePort();
        this.brokerPort = freePort();
        List<String> all = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--server.port=" + httpPort,
                "--hub.data-dir=" + this.dataDir,
                "--hub.broker.acceptor-url=" + brokerUrl() + "?protocols=CORE,AMQP"));
        all.addAll(settings);
        this.settings = List.copyOf(all);
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The embedded broker's network acceptor, where suppliers' systems connect. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Starts the hub; its output goes to NAME-start-N.log in the data folder's parent. */
    public HubProcess start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        starts++;
        log = logOf(starts);
        Path jar = extractedJar();
        List<String> command = new ArrayList<>(List.of(java(), HEAP, "-XX:SharedArchiveFile=" + classArchive(jar),
                "-jar", jar.toString()));
        command.addAll(settings);
        process = hubProcess(command).redirectOutput(log.toFile()).start();
        return this;
    }

    /**
     * Waits until the hub has logged that it is up (its start-up tasks have run: supplier users, keys) and answers
     * UP on its health endpoint; fails if the process ends first.
     */
    public Duration awaitUp(Duration patience) throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub exited with " + process.exitValue() + " before it was up; "
                        + "see " + log);
            }
            if (output().contains("dotchain-hub is up after") && isUp()) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The hub was not up after " + patience.toSeconds() + " s; see " + log);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public boolean isUp() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: the JVM ends at once, whatever it was doing; its children are left as they are. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The running hub's threads, as the JDK's jcmd prints them, into a file beside its logs; the file. */
    public Path dumpThreads(String label) throws IOException, InterruptedException {
        Path dump = dataDir.resolveSibling(name + "-threads-" + label + ".txt");
        Process jcmd = new ProcessBuilder(jdkTool("jcmd"), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(dump.toFile())
                .start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return dump;
    }

    /** SIGTERM: Spring's orderly shutdown. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return log;
    }

    /** Of every start's log, the lines that name the text and the few after each (a stack trace's start). */
    public List<String> logLinesAbout(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (int start = 1; start <= starts; start++) {
            List<String> lines = Files.readAllLines(logOf(start));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    found.addAll(lines.subList(i, Math.min(lines.size(), i + 12)));
                }
            }
        }
        return found;
    }

    /** Of every start's log, in order, the first group of each match. */
    public List<String> matches(Pattern line) throws IOException {
        List<String> found = new ArrayList<>();
        for (int start = 1; start <= starts; start++) {
            line.matcher(Files.readString(logOf(start))).results().forEach(match -> found.add(match.group(1)));
        }
        return found;
    }

    /** The PostgreSQL server running on the hub's data folder, if one is. */
    public Optional<ProcessHandle> postgres() {
        return LeftoverPostgres.serverOn(dataDir.resolve("postgres"));
    }

    /** Leaves nothing running: the hub, and a PostgreSQL a killed hub left behind. */
    public void cleanUp() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
        Optional<ProcessHandle> orphan = postgres();
        if (orphan.isPresent()) {
            orphan.get().destroy();
            if (orphan.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join() == null) {
                orphan.get().destroyForcibly();
            }
        }
    }

    private Path logOf(int start) {
        return dataDir.resolveSibling(name + "-start-" + start + ".log");
    }

    /**
     * Extracts the packaged jar and makes its class archive ahead of the first start, so that the start's time is the
     * hub's own.
     */
    public static void prepare() throws IOException, InterruptedException {
        extractedJar();
    }

    /**
     * The packaged jar extracted (Spring Boot's jar mode tools), once per build of it, with its class archive (CDS):
     * made by a training run that starts the demo hub and exits once its context is refreshed, as the README's
     * production start does.
     */
    private static synchronized Path extractedJar() throws IOException, InterruptedException {
        // one test JVM at a time, should several run process tests at once
        Files.createDirectories(EXTRACTED.toAbsolutePath().getParent());
        try (FileChannel lock = FileChannel.open(EXTRACTED.resolveSibling(EXTRACTED.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            return extractedJarOnce();
        }
    }

    private static Path extractedJarOnce() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("hub.jar", "target/dotchain-hub-0.1.0-SNAPSHOT.jar"));
        Path extracted = EXTRACTED.resolve(jar.getFileName()).toAbsolutePath();
        if (Files.exists(classArchive(extracted)) && !Files.getLastModifiedTime(classArchive(extracted)).toInstant()
                .isBefore(Files.getLastModifiedTime(jar).toInstant())) {
            return extracted;
        }
        run("Extracting " + jar, EXTRACTED.resolveSibling(EXTRACTED.getFileName() + ".log"),
                java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                EXTRACTED.toString());
        Path training = EXTRACTED.resolveSibling(EXTRACTED.getFileName() + "-training").toAbsolutePath();
        FileSystemUtils.deleteRecursively(training);
        Files.deleteIfExists(classArchive(extracted));
        try {
            // the run halts once the context is refreshed, leaving its embedded PostgreSQL as a crash would
            run("The class archive's training run", training.resolveSibling(training.getFileName() + ".log"),
                    java(), HEAP, "-XX:ArchiveClassesAtExit=" + classArchive(extracted),
                    "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--spring.profiles.active=demo",
                    "--server.port=0", "--hub.data-dir=" + training, "--hub.broker.acceptor-url=tcp://127.0.0.1:0");
        } finally {
            LeftoverPostgres.stopIfRunning(training.resolve("postgres"), Duration.ofSeconds(30));
        }
        if (!Files.exists(classArchive(extracted))) {
            throw new IllegalStateException("The training run made no class archive; see its log beside " + training);
        }
        return extracted;
    }

    /** The class archive of the extracted jar, for this JDK (an archive is the JDK's as well as the jar's). */
    private static Path classArchive(Path extractedJar) {
        return extractedJar.resolveSibling("hub-" + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_")
                + ".jsa");
    }

    /** A hub process: its own embedded PostgreSQL, even where the tests run against a server. */
    private static ProcessBuilder hubProcess(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
        return builder;
    }

    private static void run(String what, Path log, String... command) throws IOException, InterruptedException {
        Process process = hubProcess(List.of(command)).redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " took over 180 s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed; see " + log);
        }
    }

    private static String java() {
        return jdkTool("java");
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

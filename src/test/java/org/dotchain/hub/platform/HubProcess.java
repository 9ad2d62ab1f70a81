package org.dotchain.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub as a process of its own, on its own data folder and ports, with the demo data: started, asked
 * for its health, killed with SIGKILL or stopped, and started again on the same folder.
 */
public final class HubProcess {

    private final Path jar;
    private final Path dataDir;
    private final List<String> settings;
    private final int httpPort;
    private final int brokerPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int starts;

    public HubProcess(Path dataDir, List<String> settings) {
        this.jar = Path.of(System.getProperty("hub.jar", "target/dotchain-hub-0.1.0-SNAPSHOT.jar"));
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

    /** Starts the hub; its output goes to start-N.log in the data folder's parent. */
    public HubProcess start() throws IOException {
        Files.createDirectories(dataDir);
        starts++;
        log = dataDir.resolveSibling(dataDir.getFileName() + "-start-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString()));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // its own embedded PostgreSQL, even where the tests run against a server
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
        process = builder.start();
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
            List<String> lines = Files.readAllLines(dataDir.resolveSibling(dataDir.getFileName() + "-start-" + start
                    + ".log"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    found.addAll(lines.subList(i, Math.min(lines.size(), i + 12)));
                }
            }
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

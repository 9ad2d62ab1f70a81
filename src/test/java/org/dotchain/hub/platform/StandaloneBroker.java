package org.dotchain.hub.platform;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Apache Artemis distribution (org.apache.activemq:apache-artemis, unpacked by the build into
 * target/artemis) as a broker process of its own: an instance made with its own `artemis create`, persistent, its
 * journal on disk with fsync, duplicate detection as it ships; started, killed with SIGKILL, started again.
 */
public final class StandaloneBroker {

    private final Path instance;
    private final int port;
    private Process process;
    private int starts;

    private StandaloneBroker(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** A new broker instance in the folder, for the hub's user, taking anonymous clients too. */
    public static StandaloneBroker create(Path instance, String user, String password) throws Exception {
        Path home = Path.of(System.getProperty("artemis.home", "target/artemis/apache-artemis-2.40.0"));
        int port = HubProcess.freePort();
        // through bash: an unpacked archive need not keep the script's executable bit
        Process create = new ProcessBuilder(List.of("bash", home.resolve("bin/artemis").toString(), "create",
                instance.toAbsolutePath().toString(), "--user", user, "--password", password, "--allow-anonymous",
                "--silent", "--no-web", "--nio", "--host", "127.0.0.1", "--default-port", Integer.toString(port),
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor"))
                .redirectErrorStream(true).redirectOutput(instance.resolveSibling("broker-create.log").toFile())
                .start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("artemis create failed; see broker-create.log beside " + instance);
        }
        return new StandaloneBroker(instance, port);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public StandaloneBroker start() throws Exception {
        starts++;
        Path log = instance.resolveSibling("broker-start-" + starts + ".log");
        process = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited before it was live; see " + log);
            }
            if (Files.readString(log).contains("AMQ221007") && accepts()) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The broker was not live after 90 s; see " + log);
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

package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
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
 * The reference supplier and finance systems (org.dotchain.reference) as a process of their own, on the test
 * classpath the build writes (target/reference-classpath.txt): they talk to a hub process over the suppliers' real
 * transports and keep, as long as they run, the tally of what they took from it (GET /reference/tally).
 */
final class ReferenceProcess {

    private final int port;
    private final List<String> settings;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /**
     * On the port, for the hub at the address (an instance's or a balancer's), whose data folder holds the suppliers'
     * keys and the development CA its demo made.
     */
    ReferenceProcess(int port, String hubUrl, Path hubDataDir, String brokerUrl, Path log, List<String> settings) {
        this.port = port;
        this.log = log;
        List<String> all = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--reference.hub-url=" + hubUrl,
                "--reference.broker-url=" + brokerUrl,
                "--reference.data-dir=" + hubDataDir));
        all.addAll(settings);
        this.settings = List.copyOf(all);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    ReferenceProcess start() throws Exception {
        Path dependencies = Path.of(System.getProperty("reference.classpath", "target/reference-classpath.txt"));
        String classpath = String.join(File.pathSeparator, Path.of("target", "test-classes").toAbsolutePath()
                .toString(), Path.of("target", "classes").toAbsolutePath().toString(),
                Files.readString(dependencies).trim());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-cp", classpath, "org.dotchain.reference.ReferenceSupplierApplication"));
        command.addAll(settings);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The reference systems exited before they were up; see " + log);
            }
            if (get("/actuator/health").map(body -> body.path("status").asText()).orElse("").equals("UP")) {
                return this;
            }
            Thread.sleep(1000);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The reference systems were not up after 120 s; see " + log);
    }

    /** What they took from the hub and sent back, by message type. */
    JsonNode tally() throws IOException {
        return get("/reference/tally").orElseThrow(() -> new IOException("No tally from the reference systems"));
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Optional<JsonNode> get(String path) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Optional.of(new ObjectMapper().readTree(answer.body()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package org.dotchain.hub.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that an earlier run of the hub left running on the embedded data folder. The embedded server
 * is a child of the hub's process; when the hub is killed (kill -9, a crash, a lost container) the server outlives
 * it and keeps the folder locked, and a new one would refuse to start. Its clients died with the earlier hub, so a
 * smart shutdown (SIGTERM) stops it at once and cleanly: it writes its checkpoint and removes its lock file.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    private LeftoverPostgres() {
    }

    /** Stops the server that holds {@code dataDirectory}, if one does; afterwards the folder is free. */
    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(lockFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (server.isEmpty()) {
            // PostgreSQL itself replaces a lock file whose process is gone
            log.warn("The embedded PostgreSQL in {} did not shut down cleanly last time; it will recover its data "
                    + "on start", dataDirectory);
            return;
        }
        ProcessHandle process = server.get();
        if (!process.info().command().map(command -> command.contains("postgres")).orElse(false)) {
            log.warn("The lock file of the embedded PostgreSQL in {} names process {}, which is not PostgreSQL: "
                    + "the lock is stale and is removed", dataDirectory, process.pid());
            Files.delete(lockFile);
            return;
        }
        String port = lines.size() > 3 ? lines.get(3).trim() : "?";
        log.warn("Found PostgreSQL (pid {}, port {}) still running on {}, left by a run of the hub that did not stop "
                + "cleanly; stopping it before starting the embedded PostgreSQL again", process.pid(), port, dataDirectory);
        process.destroy();
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running on " + dataDirectory + " (pid "
                    + process.pid() + ") did not stop within " + patience.toSeconds() + " s; stop it and start the "
                    + "hub again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL pid " + process.pid() + " to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PostgreSQL pid " + process.pid() + " was stopping", e);
        }
        log.warn("The PostgreSQL left running on {} has stopped", dataDirectory);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

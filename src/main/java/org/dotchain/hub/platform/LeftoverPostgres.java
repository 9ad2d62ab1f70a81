package org.dotchain.hub.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * runs detached from the hub's process; when the hub is killed (kill -9, a crash, a lost container) the server
 * outlives it and keeps the folder locked, and a new one would refuse to start. A hub still alive holds the
 * folder's epg-lock file, and its server is left alone; an orphan is stopped by a fast shutdown (SIGINT): it ends
 * whatever sessions are left, writes its checkpoint and removes its lock file.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    /** The file the embedded PostgreSQL's owner holds a lock on while it runs. */
    private static final String OWNER_LOCK = "epg-lock";

    private LeftoverPostgres() {
    }

    /** The live process that the folder's postmaster.pid names, if any: PostgreSQL, or whatever now has its pid. */
    static Optional<ProcessHandle> serverOn(Path dataDirectory) {
        try {
            return serverOf(Files.readAllLines(dataDirectory.resolve("postmaster.pid")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** postmaster.pid: its first line is the server's pid, its fourth the port. */
    private static Optional<ProcessHandle> serverOf(List<String> lockFileLines) {
        try {
            return lockFileLines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lockFileLines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the orphaned server that holds {@code dataDirectory}, if one does; afterwards the folder is free. */
    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(lockFile);
        Optional<ProcessHandle> server = serverOf(lines);
        if (server.isEmpty()) {
            // PostgreSQL itself replaces a lock file whose process is gone
            log.warn("The embedded PostgreSQL in {} did not shut down cleanly last time; it will recover its data "
                    + "on start", dataDirectory);
            return;
        }
        ProcessHandle process = server.get();
        if (ownedByALiveHub(dataDirectory)) {
            throw new IllegalStateException("Another hub is running on " + dataDirectory.getParent() + " (its "
                    + "PostgreSQL is pid " + process.pid() + "); stop it, or give this one another hub.data-dir");
        }
        if (!process.info().command().map(command -> command.contains("postgres")).orElse(true)) {
            log.warn("The lock file of the embedded PostgreSQL in {} names process {}, which is not PostgreSQL: "
                    + "the lock is stale and is removed", dataDirectory, process.pid());
            Files.delete(lockFile);
            return;
        }
        String port = lines.size() > 3 ? lines.get(3).trim() : "?";
        log.warn("Found PostgreSQL (pid {}, port {}) still running on {}, left by a run of the hub that did not stop "
                + "cleanly; stopping it before starting the embedded PostgreSQL again", process.pid(), port, dataDirectory);
        fastShutdown(process);
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

    private static boolean ownedByALiveHub(Path dataDirectory) throws IOException {
        Path owner = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(owner)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** SIGINT where the platform has kill(1); SIGTERM, a smart shutdown, where it has not. */
    private static void fastShutdown(ProcessHandle process) {
        try {
            if (new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }
}

package org.dotchain.hub.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dotchain.hub.platform.DatabaseAway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the trace's hops (MessageHops) on a thread of its own, in batches, outside every route's transaction. A hop
 * is written once the exchange it tells of has completed: a route never waits for its trace, and never holds its own
 * database connection while asking the pool for a second one for the trace. The queue is bounded: while the
 * database is away longer than it holds, the newest hops are dropped, counted and logged. Hops still queued when the
 * process is killed are lost: the trace is the operators' view of the flows, not their record.
 */
@Component
class HopWriter implements SmartLifecycle {

    static final String INSERT = """
            insert into message_hop (correlation_id, route_id, transport, source, destination,
                message_type, message_id, started_at, elapsed_ms, outcome, reason, steps, body)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(HopWriter.class);

    private final JdbcTemplate db;
    private final TransactionTemplate inOneTransaction;
    private final BlockingQueue<Object[]> pending;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread writer;
    private volatile boolean running;
    private volatile Instant droppedLogged = Instant.EPOCH;
    /** Whether the last write failed (the writer's thread only): a failure is logged once, not at every retry. */
    private boolean failing;

    HopWriter(JdbcTemplate db, PlatformTransactionManager transactions,
              @Value("${hub.operations.trace-queue:1000}") int capacity) {
        this.db = db;
        this.inOneTransaction = new TransactionTemplate(transactions);
        this.pending = new ArrayBlockingQueue<>(capacity);
    }

    /** A hop's row, in the columns' order of {@link #INSERT}; dropped when the queue is full. */
    void write(Object[] hop) {
        if (pending.offer(hop)) {
            return;
        }
        long total = dropped.incrementAndGet();
        if (droppedLogged.isBefore(Instant.now().minusSeconds(60))) {
            droppedLogged = Instant.now();
            log.warn("The trace's queue is full (the database is slow or away): {} hops dropped so far", total);
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeAsTheyCome, "trace-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Lets the writer write what is queued, then stop (within the poll's second and the last write). */
    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after Camel's routes and the web server (higher phases), so that their last hops are written. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void writeAsTheyCome() {
        List<Object[]> batch = new ArrayList<>(BATCH);
        try {
            while (running) {
                if (batch.isEmpty()) {
                    Object[] first = pending.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, BATCH - 1);
                }
                if (tryToWrite(batch)) {
                    batch.clear();
                } else {
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // stopping: what the routes completed before they stopped, once
        pending.drainTo(batch);
        if (!batch.isEmpty()) {
            tryToWrite(batch);
        }
    }

    /**
     * Writes the batch in one transaction, all or nothing; answers false when the database is away (the batch is
     * tried again). A batch the database refuses for another reason is written hop by hop, the refused hops dropped.
     */
    private boolean tryToWrite(List<Object[]> batch) {
        try {
            inOneTransaction.executeWithoutResult(status -> db.batchUpdate(INSERT, batch));
            if (failing) {
                failing = false;
                log.info("The trace's hops are written again");
            }
            return true;
        } catch (RuntimeException e) {
            if (DatabaseAway.causedBy(e)) {
                if (!failing) {
                    failing = true;
                    log.warn("The trace's hops wait to be written ({} now): {}", batch.size() + pending.size(),
                            e.getMessage());
                }
                return false;
            }
            int refused = 0;
            for (Object[] hop : batch) {
                try {
                    db.update(INSERT, hop);
                } catch (RuntimeException one) {
                    refused++;
                }
            }
            if (refused > 0) {
                log.warn("{} hops of the trace refused by the database and dropped: {}", refused, e.getMessage());
            }
            return true;
        }
    }
}

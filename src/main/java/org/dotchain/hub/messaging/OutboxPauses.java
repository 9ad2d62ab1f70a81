package org.dotchain.hub.messaging;

import jakarta.jms.JMSException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destinations the outbox relay could not reach (routes/outbox-relay.camel.yaml): each waits, one second after its
 * first failure and twice as long after each next one, up to a minute, while every other destination's messages go
 * on; its messages keep their order. The relay's poll leaves a waiting destination out, so its failure costs no
 * other partner anything and is logged once per wait, not once per poll; the first failure of an outage is
 * published for an operator's alert.
 */
@Component("outboxPauses")
public class OutboxPauses {

    private static final Logger log = LoggerFactory.getLogger(OutboxPauses.class);

    /** A destination that waits, why, since when and until when. */
    public record Pause(String destination, String reason, Instant since, Instant until, int failures) {
    }

    private final JdbcTemplate db;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    OutboxPauses(JdbcTemplate db, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /**
     * The send to the exchange's destination failed: it waits, in a transaction of its own (the relay's poll ends with
     * this row).
     */
    public void pause(Exchange exchange, @ExchangeProperty("destination") String destination) {
        Exception cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (destination == null) {
            // the poll failed before its first send: where its broker transaction could not be opened, the broker
            // is away, not a destination (OutboxTransaction logs it); the poll rolls back and the next one tries again
            if (!(cause instanceof JMSException)) {
                log.warn("An outbox poll failed before its first send: {}", reason);
            }
            return;
        }
        Pause pause = ownTransaction.execute(status -> {
            Pause now = db.queryForObject("""
                    insert into outbox_pause (destination, since, paused_until, failures, reason)
                    values (?, now(), now() + interval '1 second', 1, ?)
                    on conflict (destination) do update set failures = outbox_pause.failures + 1,
                        paused_until = now() + least(interval '60 seconds',
                                                     interval '1 second' * power(2, outbox_pause.failures)),
                        reason = excluded.reason
                    returning destination, reason, since, paused_until, failures
                    """, (row, index) -> new Pause(row.getString(1), row.getString(2),
                    row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant(), row.getInt(5)),
                    destination, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            if (now.failures() == 1) {
                events.publishEvent(new OutboxDestinationUnreachable(destination, reason, now.since()));
            }
            return now;
        });
        paused.add(destination);
        log.warn("Messages for {} wait: {}; tried again at {} ({} failures since {}), other destinations go on",
                destination, reason, pause.until(), pause.failures(), pause.since());
    }

    /**
     * A message was sent to the destination: if it was waiting, it waits no more once the relay's poll has committed
     * (in a transaction of its own then: a wait ended inside the poll would hold its row locked against a failure of
     * the same destination later in the poll, whose wait is written in a transaction of its own).
     */
    public void resume(@ExchangeProperty("destination") String destination) {
        loadOnce();
        if (!paused.contains(destination)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            endWait(destination);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                endWait(destination);
            }
        });
    }

    /** Whether any destination waits (its rows are sent one at a time when it is tried again: OutboxTransaction). */
    public boolean anyWaiting() {
        loadOnce();
        return !paused.isEmpty();
    }

    /** The waits a previous run left. */
    private void loadOnce() {
        if (!loaded) {
            paused.addAll(db.queryForList("select destination from outbox_pause", String.class));
            loaded = true;
        }
    }

    private void endWait(String destination) {
        if (paused.remove(destination) && ownTransaction.execute(status -> db.update(
                "delete from outbox_pause where destination = ?", destination)) > 0) {
            log.info("Messages for {} go again", destination);
        }
    }

    public List<Pause> current() {
        return db.query("select destination, reason, since, paused_until, failures from outbox_pause order by since",
                (row, index) -> new Pause(row.getString(1), row.getString(2), instant(row.getTimestamp(3)),
                        instant(row.getTimestamp(4)), row.getInt(5)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}

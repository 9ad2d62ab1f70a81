package org.dotchain.hub.messaging;

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

    /** The send to the exchange's destination failed: it waits, in a transaction of its own (the relay's rolls back). */
    public void pause(Exchange exchange, @ExchangeProperty("destination") String destination) {
        Exception cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
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

    /** A message reached the destination: if it was waiting, it waits no more. */
    public void resume(@ExchangeProperty("destination") String destination) {
        if (!loaded) {
            // the waits a previous run left
            paused.addAll(db.queryForList("select destination from outbox_pause", String.class));
            loaded = true;
        }
        if (paused.remove(destination) && db.update("delete from outbox_pause where destination = ?", destination) > 0) {
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

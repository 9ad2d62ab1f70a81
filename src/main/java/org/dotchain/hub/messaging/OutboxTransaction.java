package org.dotchain.hub.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One broker transaction for each poll of the outbox relay (routes/outbox-relay.camel.yaml), so that the relay pays
 * one round trip to the broker per poll, not one per message. The poll's messages are sent in a transacted session
 * bound to the poll's database transaction (Camel's producer sends with Spring's JMS template, which takes a session
 * bound so and leaves its commit to the binder), and committed to the broker just before the database marks the rows
 * sent: a row is marked sent only once the broker has its message.
 * <p>
 * The broker may refuse a poll's commit: a destination that refuses the hub, or a resend of a message it had already
 * taken (a hub that died between the two commits; Artemis refuses a transaction holding a duplicate id). The
 * database then rolls back, and the polls after it send one row at a time, each in a send of its own, so that a
 * resend is dropped alone and a refusing destination is found and waits (OutboxPauses) while the others go on. The
 * polls go one row at a time as well while a destination waits, so that its next try costs the others nothing; after
 * a poll sent so has gone through and no destination waits, the relay sends in one transaction per poll again.
 */
@Component("outboxTransaction")
public class OutboxTransaction {

    private static final Logger log = LoggerFactory.getLogger(OutboxTransaction.class);
    /** Bound to a poll's transaction once the poll has joined. */
    private static final Object JOINED = new Object();

    private final ConnectionFactory connectionFactory;
    private final OutboxPauses pauses;
    private volatile boolean refused;
    /** Whether the last poll could not reach the broker: logged once, not at every poll. */
    private volatile boolean brokerAway;

    OutboxTransaction(ConnectionFactory connectionFactory, OutboxPauses pauses) {
        this.connectionFactory = connectionFactory;
        this.pauses = pauses;
    }

    /**
     * Binds the poll's transacted session, once, to the poll's database transaction; or, while the relay sends one row
     * at a time, leaves each send to the JMS template's own session.
     */
    public void join() throws JMSException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("The outbox relay sends within its poll's database transaction");
        }
        if (TransactionSynchronizationManager.hasResource(JOINED)) {
            return;
        }
        JmsResourceHolder holder = oneRowAtATime() ? null : transactedSession();
        TransactionSynchronizationManager.registerSynchronization(new Poll(holder));
        if (holder != null) {
            TransactionSynchronizationManager.bindResource(connectionFactory, holder);
        }
        TransactionSynchronizationManager.bindResource(JOINED, Boolean.TRUE);
    }

    /** Whether the polls send one row at a time for now: a poll's commit was refused, or a destination waits. */
    public boolean oneRowAtATime() {
        return refused || pauses.anyWaiting();
    }

    private JmsResourceHolder transactedSession() throws JMSException {
        Connection connection = null;
        try {
            connection = connectionFactory.createConnection();
            JmsResourceHolder holder = new JmsResourceHolder(connectionFactory, connection,
                    connection.createSession(true, Session.SESSION_TRANSACTED));
            if (brokerAway) {
                brokerAway = false;
                log.info("The outbox relay reaches the broker again");
            }
            return holder;
        } catch (JMSException | RuntimeException e) {
            JmsUtils.closeConnection(connection);
            if (!brokerAway) {
                brokerAway = true;
                log.warn("The outbox relay cannot reach the broker ({}): its polls try again", e.getMessage());
            }
            throw e;
        }
    }

    private static boolean holdsAResend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of a poll: the broker's transaction committed before the database's, the session closed (rolling back
     * what was not committed) after either; a poll sent one row at a time that went through ends the refusal.
     */
    private final class Poll implements TransactionSynchronization {

        private final JmsResourceHolder holder;

        Poll(JmsResourceHolder holder) {
            this.holder = holder;
        }

        @Override
        public void suspend() {
            if (holder != null) {
                TransactionSynchronizationManager.unbindResource(connectionFactory);
            }
        }

        @Override
        public void resume() {
            if (holder != null) {
                TransactionSynchronizationManager.bindResource(connectionFactory, holder);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (holder == null) {
                return;
            }
            try {
                holder.commitAll();
            } catch (JMSException | RuntimeException e) {
                refused = true;
                if (holdsAResend(e)) {
                    log.info("A poll held a message the broker had taken already (the hub stopped between the "
                            + "broker's commit and the database's): the next polls send one row at a time, the "
                            + "resend dropped alone");
                } else {
                    log.warn("The broker refused a poll's messages ({}): the next polls send them one at a time",
                            e.getMessage());
                }
                throw e instanceof JMSException jms ? JmsUtils.convertJmsAccessException(jms) : (RuntimeException) e;
            }
        }

        @Override
        public void afterCommit() {
            if (holder == null && refused) {
                refused = false;
                log.info("A poll sent one row at a time went through: the next go in one broker transaction each, "
                        + "while no destination waits");
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(JOINED);
            if (holder != null) {
                TransactionSynchronizationManager.unbindResourceIfPossible(connectionFactory);
                holder.closeAll();
            }
        }
    }
}

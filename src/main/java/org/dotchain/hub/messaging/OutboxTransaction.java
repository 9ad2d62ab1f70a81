package org.dotchain.hub.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
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
 * bound to the poll's database transaction (Spring's JMS template, which Camel's producer is, takes a session bound
 * so and leaves its commit to the binder), and committed to the broker just before the database marks the rows
 * sent: a row is marked sent only once the broker has its message. Should the broker refuse the commit, the
 * database rolls back and the rows go in a later poll; should the database fail after the broker's commit, the rows
 * go again and the broker drops them by their duplicate ids (_AMQ_DUPL_ID).
 * <p>
 * A refused commit does not say which destination refused. The polls after one send each message by itself, so that
 * the destination that fails is found and waits (OutboxPauses) while the others go on; after the first of them
 * that goes through, the relay sends in one transaction per poll again.
 */
@Component("outboxTransaction")
public class OutboxTransaction {

    private static final Logger log = LoggerFactory.getLogger(OutboxTransaction.class);

    private final ConnectionFactory connectionFactory;
    private volatile boolean oneByOne;

    OutboxTransaction(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /**
     * Binds the poll's transacted session, once, to the poll's database transaction; or, while the relay sends one by
     * one, leaves each send to take a session of its own.
     */
    public void join() throws JMSException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("The outbox relay sends within its poll's database transaction");
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        JmsResourceHolder holder = oneByOne ? null : transactedSession();
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        if (holder != null) {
            TransactionSynchronizationManager.bindResource(connectionFactory, holder);
        }
        TransactionSynchronizationManager.registerSynchronization(new Poll(holder));
    }

    /** Whether the polls send each message by itself for now (a poll's commit was refused). */
    public boolean sendsOneByOne() {
        return oneByOne;
    }

    private JmsResourceHolder transactedSession() throws JMSException {
        Connection connection = connectionFactory.createConnection();
        try {
            return new JmsResourceHolder(connectionFactory, connection,
                    connection.createSession(true, Session.SESSION_TRANSACTED));
        } catch (JMSException | RuntimeException e) {
            JmsUtils.closeConnection(connection);
            throw e;
        }
    }

    /**
     * The end of a poll: the broker's transaction committed before the database's, the session closed (rolling back
     * what was not committed) after either; a poll sent one by one that went through brings back the one
     * transaction per poll.
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
                oneByOne = true;
                log.warn("The broker refused a poll's messages ({}): they go again one by one, to find the "
                        + "destination that refuses them", e.getMessage());
                throw e instanceof JMSException jms ? JmsUtils.convertJmsAccessException(jms) : (RuntimeException) e;
            }
        }

        @Override
        public void afterCommit() {
            if (holder == null && oneByOne) {
                oneByOne = false;
                log.info("The outbox relay sends in one broker transaction per poll again");
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OutboxTransaction.this);
            if (holder != null) {
                TransactionSynchronizationManager.unbindResourceIfPossible(connectionFactory);
                holder.closeAll();
            }
        }
    }
}

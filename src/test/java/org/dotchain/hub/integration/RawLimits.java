package org.dotchain.hub.integration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * What the hub's own broker and database can do at most with the hub's guarantees (persistent messages on a
 * journal with fsync, committed rows), the baselines the hub's figures are measured against: messages of the
 * outbox's size sent and received one synchronous send at a time and in transactions of the relay's batch size;
 * rows of the outbox's size inserted one commit each and in JDBC batches of the same size.
 */
final class RawLimits {

    private RawLimits() {
    }

    /** Persistent messages per second, each sent (the broker's answer awaited) and then received. */
    static double sendAndReceiveOneAtATime(ConnectionFactory factory, String queueName, int messages, String payload)
            throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            MessageConsumer consumer = session.createConsumer(queue);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(session.createTextMessage(payload));
                if (consumer.receive(10_000) == null) {
                    throw new IllegalStateException("Message " + i + " did not come back");
                }
            }
            return messages / seconds(start);
        }
    }

    /**
     * Persistent messages per second sent in transactions of {@code batch} (one commit, one journal sync each) while
     * a consumer of its own receives them in transactions of the same size.
     */
    static double sendAndReceiveInTransactions(ConnectionFactory factory, String queueName, int messages, int batch,
                                               String payload) throws Exception {
        try (Connection sending = factory.createConnection(); Connection receiving = factory.createConnection()) {
            receiving.start();
            Session in = receiving.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = in.createConsumer(in.createQueue(queueName));
            Session out = sending.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = out.createProducer(out.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            CompletableFuture<Void> received = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 1; i <= messages; i++) {
                        if (consumer.receive(10_000) == null) {
                            throw new IllegalStateException("Message " + i + " did not come");
                        }
                        if (i % batch == 0 || i == messages) {
                            in.commit();
                        }
                    }
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 1; i <= messages; i++) {
                producer.send(out.createTextMessage(payload));
                if (i % batch == 0 || i == messages) {
                    out.commit();
                }
            }
            received.get(60, TimeUnit.SECONDS);
            return messages / seconds(start);
        }
    }

    /** Rows per second inserted into a table of the outbox's shape, each in a transaction of its own. */
    static double insertOneAtATime(DataSource dataSource, int rows, String payload) throws SQLException {
        return insert(dataSource, rows, 1, payload);
    }

    /** Rows per second inserted in JDBC batches of {@code batch}, one transaction each. */
    static double insertInBatches(DataSource dataSource, int rows, int batch, String payload) throws SQLException {
        return insert(dataSource, rows, batch, payload);
    }

    private static double insert(DataSource dataSource, int rows, int batch, String payload) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            try (Statement table = connection.createStatement()) {
                // a session's own table, gone with the connection: nothing of the benchmark stays in the database
                table.execute("create temporary table if not exists raw_limits_row (id bigserial primary key, "
                        + "message_id uuid not null, payload text not null, created_at timestamptz not null "
                        + "default now())");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into raw_limits_row (message_id, payload) values (?, ?)")) {
                long start = System.nanoTime();
                for (int i = 1; i <= rows; i++) {
                    insert.setObject(1, java.util.UUID.randomUUID());
                    insert.setString(2, payload);
                    if (batch == 1) {
                        insert.executeUpdate();
                        connection.commit();
                    } else {
                        insert.addBatch();
                        if (i % batch == 0 || i == rows) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                return rows / seconds(start);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                try (Statement drop = connection.createStatement()) {
                    drop.execute("drop table if exists raw_limits_row");
                }
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

package org.dotchain.hub.integration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * What the hub's own broker and database can do with the guarantees the hub asks of them (persistent messages on
 * the broker's journal, committed rows in a logged table), the baselines the hub's figures are measured against:
 * messages of the outbox's size in send-and-receive round trips one at a time, and sent and received in
 * transactions of the relay's batch size (the most the relay sends in one transaction); rows of the
 * outbox's size inserted one commit each and in JDBC batches of the same size. The database's own settings apply:
 * the embedded PostgreSQL of the demo commits without waiting for the disk, a production server does not.
 */
final class RawLimits {

    private RawLimits() {
    }

    /** Persistent messages per second in round trips: each sent (the broker's answer awaited), then received. */
    static double roundTripsOneAtATime(ConnectionFactory factory, String queueName, int messages, String payload)
            throws JMSException {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queueName));
             MessageConsumer consumer = session.createConsumer(session.createQueue(queueName))) {
            connection.start();
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
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
     * Persistent messages per second sent in transactions of {@code batch} while a consumer of its own receives them
     * in transactions of the same size (a commit, and a journal sync, on each side per batch).
     */
    static double sendAndReceiveInTransactions(ConnectionFactory factory, String queueName, int messages, int batch,
                                               String payload) throws Exception {
        try (Connection connection = factory.createConnection();
             Session in = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = in.createConsumer(in.createQueue(queueName));
             Session out = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = out.createProducer(out.createQueue(queueName))) {
            connection.start();
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
            try {
                for (int i = 1; i <= messages; i++) {
                    producer.send(out.createTextMessage(payload));
                    if (i % batch == 0 || i == messages) {
                        out.commit();
                    }
                }
                received.get(60, TimeUnit.SECONDS);
            } finally {
                received.cancel(true);
            }
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
                // a logged table, as the outbox is (a temporary one writes no WAL); dropped again below
                table.execute("create table if not exists raw_limits_row (id bigserial primary key, message_id uuid "
                        + "not null unique, payload text not null, created_at timestamptz not null default now())");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into raw_limits_row (message_id, payload) values (?, ?)")) {
                long start = System.nanoTime();
                for (int i = 1; i <= rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
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

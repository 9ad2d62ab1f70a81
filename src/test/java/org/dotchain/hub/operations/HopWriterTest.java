package org.dotchain.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The trace's hops are written apart from the exchanges they tell of: while the writer's pool has no connection free
 * (as when routes each hold their own transaction's), a hop is queued at once rather than waiting for one, and is
 * written once a connection is free. A writer of the test's own, on a pool of one connection to the hub's database.
 */
@HubIntegrationTest
class HopWriterTest {

    @Autowired
    HikariDataSource hubPool;
    @Autowired
    JdbcTemplate db;

    @Test
    void aHopIsQueuedAtOnceWhileNoConnectionIsFreeAndWrittenOnceOneIs() throws Exception {
        String reference = "ORD-HOP-" + UUID.randomUUID().toString().substring(0, 8);
        HikariConfig oneConnection = new HikariConfig();
        oneConnection.setJdbcUrl(hubPool.getJdbcUrl());
        oneConnection.setUsername(hubPool.getUsername());
        oneConnection.setPassword(hubPool.getPassword());
        oneConnection.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(oneConnection)) {
            HopWriter writer = new HopWriter(new JdbcTemplate(pool), new DataSourceTransactionManager(pool), 100);
            writer.start();
            try {
                try (Connection taken = pool.getConnection()) {
                    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                        for (int hop = 0; hop < 3; hop++) {
                            writer.write(hop(reference));
                        }
                    });
                    Thread.sleep(500);
                    assertThat(hopsOf(reference)).as("while no connection is free").isZero();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> hopsOf(reference) == 3);
            } finally {
                writer.stop();
            }
        }
    }

    @Test
    void aHopTheDatabaseRefusesIsDroppedAloneAndWhatIsQueuedAtTheStopIsWritten() throws Exception {
        String reference = "ORD-HOP-" + UUID.randomUUID().toString().substring(0, 8);
        HopWriter writer = new HopWriter(db, new DataSourceTransactionManager(hubPool), 100);
        writer.start();
        Object[] refused = hop(reference);
        // no outcome: the table refuses the row
        refused[9] = null;
        writer.write(hop(reference));
        writer.write(refused);
        writer.write(hop(reference));
        writer.stop();
        assertThat(hopsOf(reference)).isEqualTo(2);
    }

    private int hopsOf(String reference) {
        return db.queryForObject("select count(*) from message_hop where correlation_id = ?", Integer.class,
                reference);
    }

    private static Object[] hop(String reference) {
        return new Object[] {reference, "outbox-relay", "JMS", "jpa:outbox", "jms:queue:supplier.skyforge.orders",
                "ORDER", UUID.randomUUID().toString(), Timestamp.from(Instant.now()), 3L, "DONE", null,
                "outbox-relay-send", "{}"};
    }
}

package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database ending the hub's connection under a request, as a restart or failover of the server does: the request
 * is sent while another session holds a table it reads, and its connection is ended once it waits for the lock.
 */
public final class LockedTable {

    private LockedTable() {
    }

    public static <T> T connectionEndedUnder(DataSource dataSource, String table, Supplier<T> request)
            throws Exception {
        JdbcTemplate db = new JdbcTemplate(dataSource);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table " + table + " in access exclusive mode");
            }
            CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            int ended = 0;
            while (ended == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                ended = db.queryForObject("select count(pg_terminate_backend(pid)) from pg_locks "
                        + "where relation = ?::regclass and not granted", Integer.class, table);
            }
            assertThat(ended).as("the request's connection, waiting for the lock, ended").isOne();
            // the database is there again for what follows (a page's styles and scripts, the next request)
            holder.rollback();
            return answer.get(20, TimeUnit.SECONDS);
        }
    }
}

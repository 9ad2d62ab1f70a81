package org.dotchain.hub.platform;

import java.sql.SQLException;
import java.util.Set;
import org.hibernate.TransactionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Whether a failure is the database connection lost under a request (the server restarted, a failover, an
 * administrator ending the session): the request may pass when sent again, so it is the hub's 503, not its 500.
 * PostgreSQL says so by the SQLSTATE: class 08 (connection exception) or 57P01-57P03 (the server shutting down or
 * not yet taking connections). A transaction that could not be committed or rolled back because its connection was
 * closed lost it too: the pool closes a connection that broke, and the commit or rollback then meets it closed (a
 * JDBC failure without a state). A commit refused for what the transaction did (a constraint or a trigger, with
 * their own states) is not the database away.
 */
public final class DatabaseAway {

    /** How soon to send again a request that met the database away: a reconnection takes a moment. */
    public static final long RETRY_AFTER_SECONDS = 5;
    private static final int MAX_DEPTH = 32;
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseAway() {
    }

    /** The answer to a request that met the database away, with {@link #RETRY_AFTER_SECONDS} beside it. */
    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The hub lost its database connection "
                + "while answering this request; in a few seconds, see whether it took effect before sending it again");
    }

    public static boolean causedBy(Throwable failure) {
        // a cause chain is short; the bound keeps a chain that loops on itself from looping here
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_OR_COMING.contains(sqlState));
    }
}

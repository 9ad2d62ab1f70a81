package org.dotchain.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads the chain in order over plain JDBC, a page at a time, for the hub and for the command line alike. */
final class AuditChainRows {

    private static final int FETCH_SIZE = 1_000;

    private AuditChainRows() {
    }

    static AuditVerification walk(Connection connection, AuditCheckpointFolder.Checkpoints checkpoints)
            throws SQLException {
        AuditChainWalk walk = new AuditChainWalk(checkpoints);
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams a result set through a cursor only inside a transaction
        connection.setAutoCommit(false);
        try (PreparedStatement query = connection.prepareStatement("""
                select id, recorded_at, actor, action, subject_type, subject_id, details, previous_hash, hash
                from audit_entry order by id""")) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && walk.accept(link(rows))) {
                    // the walk keeps what it needs
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return walk.result();
    }

    private static AuditLink link(ResultSet row) throws SQLException {
        OffsetDateTime recordedAt = row.getObject("recorded_at", OffsetDateTime.class);
        return new AuditLink(row.getLong("id"), recordedAt == null ? null : recordedAt.toInstant(),
                row.getString("actor"), row.getString("action"), row.getString("subject_type"),
                row.getString("subject_id"), row.getString("details"), row.getString("previous_hash"),
                row.getString("hash"));
    }
}

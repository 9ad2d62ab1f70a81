package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

class DatabaseAwayTest {

    @Test
    void aLostConnectionUnderAFailedRollbackIsTheDatabaseAway() {
        RuntimeException rollback = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC "
                + "Connection", new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseAway.causedBy(rollback)).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void aRollbackThatMeetsTheConnectionClosedIsTheDatabaseAway() {
        assertThat(DatabaseAway.causedBy(new JpaSystemException(new TransactionException("Unable to rollback against "
                + "JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseAway.causedBy(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseAway.causedBy(new IllegalStateException("other"))).isFalse();
        // a commit that a deferred trigger or constraint refused: the transaction's own doing
        assertThat(DatabaseAway.causedBy(new JpaSystemException(new TransactionException("Unable to commit against "
                + "JDBC Connection", new SQLException("refused by the trigger", "P0001"))))).isFalse();
    }
}

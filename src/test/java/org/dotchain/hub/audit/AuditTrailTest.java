package org.dotchain.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@HubIntegrationTest
class AuditTrailTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate db;

    @Test
    void chainsEntriesAndVerifiesThemEndToEnd() {
        AuditEntry first = tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "1", "first"));
        AuditEntry second = tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "2", "second"));

        assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
        AuditTrail.AuditVerification verification = audit.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesToChangeOrDeleteAnEntry() {
        tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "3", "kept"));

        assertThatThrownBy(() -> db.update("update audit_entry set details = 'changed'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.update("delete from audit_entry")).hasMessageContaining("append-only");
    }

    @Test
    void detectsAnEntryChangedBehindTheTriggersBack() {
        AuditEntry entry = tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "4", "original"));
        tx.executeWithoutResult(status -> {
            db.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
            db.update("update audit_entry set details = 'forged' where id = ?", entry.getId());
            db.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        });
        try {
            AuditTrail.AuditVerification verification = audit.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenEntryId()).isEqualTo(entry.getId());
        } finally {
            tx.executeWithoutResult(status -> {
                db.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
                db.update("update audit_entry set details = 'original' where id = ?", entry.getId());
                db.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
            });
        }
        assertThat(audit.verify().intact()).isTrue();
    }
}

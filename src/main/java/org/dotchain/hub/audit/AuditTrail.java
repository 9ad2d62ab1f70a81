package org.dotchain.hub.audit;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The append-only, hash-chained record of every state transition and document. */
@Service
public class AuditTrail {

    /** Serialises appends across transactions and hub instances so that the chain never forks. */
    private static final long CHAIN_LOCK = 0x41554449_54L;

    private final EntityManager entityManager;

    AuditTrail(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String actor, String action, String subjectType, String subjectId, String details) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:lock)")
                .setParameter("lock", CHAIN_LOCK).getSingleResult();
        List<?> last = entityManager.createNativeQuery("select hash from audit_entry order by id desc limit 1")
                .getResultList();
        String previousHash = last.isEmpty() ? AuditEntry.GENESIS_HASH : last.get(0).toString();
        AuditEntry entry = new AuditEntry(previousHash, actor, action, subjectType, subjectId, details);
        entityManager.persist(entry);
        return entry;
    }

    /** Walks the whole chain; the first entry whose content or link does not match is reported. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        String expectedPrevious = AuditEntry.GENESIS_HASH;
        long checked = 0;
        List<AuditEntry> entries = entityManager
                .createQuery("select e from AuditEntry e order by e.id", AuditEntry.class)
                .getResultStream().toList();
        for (AuditEntry entry : entries) {
            if (!entry.getPreviousHash().equals(expectedPrevious) || !entry.computeHash().equals(entry.getHash())) {
                return new AuditVerification(false, checked, entry.getId());
            }
            expectedPrevious = entry.getHash();
            checked++;
        }
        return new AuditVerification(true, checked, null);
    }

    public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenEntryId) {
    }
}

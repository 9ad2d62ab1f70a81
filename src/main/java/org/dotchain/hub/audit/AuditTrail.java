package org.dotchain.hub.audit;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The append-only, hash-chained record of every state transition and document. */
@Service
public class AuditTrail {

    /** Serialises appends across transactions and hub instances so that the chain never forks. */
    static final long CHAIN_LOCK = 0x41554449_54L;

    private final EntityManager entityManager;
    /** The last entry this process appended and saw committed: the chain must not end before it. */
    private final AtomicLong lastCommittedHere = new AtomicLong();

    AuditTrail(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long lastCommittedHere() {
        return lastCommittedHere.get();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String actor, String action, String subjectType, String subjectId, String details) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:lock)")
                .setParameter("lock", CHAIN_LOCK).getSingleResult();
        List<?> last = entityManager.createNativeQuery("select hash from audit_entry order by id desc limit 1")
                .getResultList();
        String previousHash = last.isEmpty() ? AuditLink.GENESIS_HASH : last.get(0).toString();
        AuditEntry entry = new AuditEntry(previousHash, actor, action, subjectType, subjectId, details);
        entityManager.persist(entry);
        long id = entry.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lastCommittedHere.accumulateAndGet(id, Math::max);
            }
        });
        return entry;
    }
}

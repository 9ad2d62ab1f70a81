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
        String previousHash = last.isEmpty() ? AuditLink.GENESIS_HASH : last.get(0).toString();
        AuditEntry entry = new AuditEntry(previousHash, actor, action, subjectType, subjectId, details);
        entityManager.persist(entry);
        return entry;
    }
}

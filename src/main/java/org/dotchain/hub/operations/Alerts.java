package org.dotchain.hub.operations;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises alerts, once per kind and subject, and shows each person the ones that concern them. */
@Service
@Transactional
public class Alerts {

    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;

    Alerts(EntityManager entityManager, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String VISIBLE = "(:all = true or a.unitId = :unit or a.supplierId = :supplier)";

    public record AlertView(String kind, String subjectType, String subjectId, String message, Instant raisedAt) {
    }

    /** Raises the alert unless it was raised before; answers whether it is new. */
    public boolean raise(String kind, String subjectType, String subjectId, Long unitId, Long supplierId,
                         String message) {
        boolean known = entityManager.createQuery("select count(a) from Alert a where a.kind = :kind and "
                        + "a.subjectType = :type and a.subjectId = :id", Long.class)
                .setParameter("kind", kind).setParameter("type", subjectType).setParameter("id", subjectId)
                .getSingleResult() > 0;
        if (known) {
            return false;
        }
        entityManager.persist(new Alert(kind, subjectType, subjectId, unitId, supplierId, message, clock.instant()));
        audit.record("hub", "ALERT_" + kind, subjectType, subjectId, message);
        return true;
    }

    /** Operators and DPA staff see every alert; a unit's people their unit's; a supplier's people their own. */
    @Transactional(readOnly = true)
    public List<AlertView> visibleTo(HubUser caller) {
        return whom(entityManager.createQuery("select a from Alert a where " + VISIBLE + " order by a.raisedAt "
                        + "desc", Alert.class), caller)
                .setMaxResults(500)
                .getResultStream()
                .map(alert -> new AlertView(alert.getKind(), alert.getSubjectType(), alert.getSubjectId(),
                        alert.getMessage(), alert.getRaisedAt()))
                .toList();
    }

    /** How many alerts concern the caller: what a page's alert sign shows. */
    @Transactional(readOnly = true)
    public long countVisibleTo(HubUser caller) {
        return whom(entityManager.createQuery("select count(a) from Alert a where " + VISIBLE, Long.class), caller)
                .getSingleResult();
    }

    private static <T> TypedQuery<T> whom(TypedQuery<T> query, HubUser caller) {
        return query.setParameter("all", caller.has(Role.OPERATOR) || caller.isAgencyStaff())
                .setParameter("unit", caller.unitId() == null ? -1L : caller.unitId())
                .setParameter("supplier", caller.supplierId() == null ? -1L : caller.supplierId());
    }
}

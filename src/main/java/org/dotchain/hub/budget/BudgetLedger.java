package org.dotchain.hub.budget;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import org.dotchain.hub.access.MilitaryUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves money through a unit's budget. Reservations lock the unit's row first, so concurrent checkouts of one unit
 * queue up and the available amount they check is the one they spend from.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class BudgetLedger {

    private final EntityManager entityManager;
    private final BudgetEntryRepository entries;
    private final UnitBudgetRepository budgets;

    BudgetLedger(EntityManager entityManager, BudgetEntryRepository entries, UnitBudgetRepository budgets) {
        this.entityManager = entityManager;
        this.entries = entries;
        this.budgets = budgets;
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public UnitBudget budgetOf(Long unitId) {
        return budgets.findById(unitId).orElseThrow(() -> new IllegalArgumentException("No unit with id " + unitId));
    }

    /** New money for the unit by the DPA's decision. */
    public BudgetEntry allocate(Long unitId, BigDecimal amount, BudgetDecision decision, String recordedBy) {
        lock(unitId);
        return entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.ALLOCATED, amount, decision, recordedBy));
    }

    /**
     * Takes back available money by the DPA's decision; what is reserved, committed or spent stays. Under the unit's
     * lock, like a reservation, so that a checkout and a reduction never both spend the same available money.
     */
    public BudgetEntry reduce(Long unitId, BigDecimal amount, BudgetDecision decision, String recordedBy) {
        lock(unitId);
        entityManager.flush();
        UnitBudget budget = entityManager.createQuery("select b from UnitBudget b where b.unitId = :unitId",
                UnitBudget.class).setParameter("unitId", unitId).getSingleResult();
        entityManager.detach(budget);
        if (budget.getAvailable().compareTo(amount) < 0) {
            throw new BudgetReductionRefusedException(amount, budget);
        }
        return entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.REDUCED, amount, decision, recordedBy));
    }

    /**
     * Locks the unit's row until the transaction ends. A transaction that reserves money and holds stock takes this
     * lock before it locks any product's row, so that two of them never wait for each other.
     */
    public void lock(Long unitId) {
        entityManager.find(MilitaryUnit.class, unitId, LockModeType.PESSIMISTIC_WRITE);
    }

    public void reserve(Long unitId, BigDecimal amount, Long orderId) {
        lock(unitId);
        entityManager.flush();
        BigDecimal available = entityManager.createQuery(
                        "select b.available from UnitBudget b where b.unitId = :unitId", BigDecimal.class)
                .setParameter("unitId", unitId).getSingleResult();
        if (available.compareTo(amount) < 0) {
            throw new InsufficientBudgetException(amount, available);
        }
        entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.RESERVED, amount, orderId, reference("reserve", orderId)));
    }

    public void commit(Long unitId, BigDecimal amount, Long orderId) {
        entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.COMMITTED, amount, orderId, reference("commit", orderId)));
    }

    public void returnCommitted(Long unitId, BigDecimal amount, Long orderId) {
        entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.RETURNED, amount, orderId, reference("return", orderId)));
    }

    /** The committed money of an order's items that will not come, back to available when it is closed short. */
    public void returnUndelivered(Long unitId, BigDecimal amount, Long orderId) {
        entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.RETURNED, amount, orderId,
                reference("close-short", orderId)));
    }

    /** Committed money paid out: the part of an order's commitment that a paid acceptance certificate covers. */
    public void spend(Long unitId, BigDecimal amount, Long orderId, String certificateNumber) {
        entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.SPENT, amount, orderId,
                reference("spend-" + certificateNumber, orderId)));
    }

    public void release(Long unitId, BigDecimal amount, Long orderId) {
        entries.save(new BudgetEntry(unitId, BudgetEntry.Kind.RELEASED, amount, orderId, reference("release", orderId)));
    }

    /** One reservation, commitment or release per order: the unique reference makes a repeated step fail, not count twice. */
    private static String reference(String step, Long orderId) {
        return "order-" + orderId + "-" + step;
    }
}

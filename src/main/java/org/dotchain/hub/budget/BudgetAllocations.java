package org.dotchain.hub.budget;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.platform.Amounts;
import org.dotchain.hub.platform.FieldConflictException;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.Texts;
import org.dotchain.hub.platform.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPA's side of the budgets: allocations, top-ups and reductions of a unit's budget, each against a decision
 * and audited, the unit's history of them, and every unit's figures with the totals.
 */
@Service
@Transactional
public class BudgetAllocations {

    public record Figures(BigDecimal allocated, BigDecimal reserved, BigDecimal committed, BigDecimal spent,
                          BigDecimal available) {

        static Figures of(UnitBudget budget) {
            return new Figures(budget.getAllocated(), budget.getReserved(), budget.getCommitted(), budget.getSpent(),
                    budget.getAvailable());
        }

        Figures plus(Figures other) {
            return new Figures(allocated.add(other.allocated), reserved.add(other.reserved),
                    committed.add(other.committed), spent.add(other.spent), available.add(other.available));
        }
    }

    /** One decision in a unit's history: ALLOCATED (an allocation or a top-up) or REDUCED. */
    public record DecisionView(BudgetEntry.Kind kind, BigDecimal amount, String decisionNumber,
                               LocalDate decisionDate, String legalBasis, Instant recordedAt) {

        static DecisionView of(BudgetEntry entry) {
            BudgetDecision decision = entry.getDecision();
            return new DecisionView(entry.getKind(), entry.getAmount(), decision.number(), decision.date(),
                    decision.legalBasis(), entry.getCreatedAt());
        }
    }

    public record UnitFigures(String unitCode, String unitName, Figures figures) {
    }

    /** Without a period, the balances now; with one, the money each bucket gained or lost in it. */
    public record Overview(LocalDate from, LocalDate to, String currency, List<UnitFigures> units, Figures totals) {
    }

    private final BudgetLedger ledger;
    private final MilitaryUnitRepository units;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;

    BudgetAllocations(BudgetLedger ledger, MilitaryUnitRepository units, EntityManager entityManager,
                      AuditTrail audit, Clock clock) {
        this.ledger = ledger;
        this.units = units;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    /** A first allocation or a top-up: the same movement, new available money. */
    public DecisionView allocate(String admin, String unitCode, BigDecimal amount, BudgetDecision decision) {
        MilitaryUnit unit = unit(unitCode);
        if (unit.isRetired()) {
            throw new FieldConflictException("budget-decision-refused", "unitCode", "Unit " + unitCode
                    + " is retired: it gets no new money");
        }
        return record(admin, unit, BudgetEntry.Kind.ALLOCATED, amount, decision);
    }

    public DecisionView reduce(String admin, String unitCode, BigDecimal amount, BudgetDecision decision) {
        return record(admin, unit(unitCode), BudgetEntry.Kind.REDUCED, amount, decision);
    }

    @Transactional(readOnly = true)
    public List<DecisionView> history(Long unitId) {
        return entityManager.createQuery("select e from BudgetEntry e where e.unitId = :unitId "
                        + "and e.kind in :kinds order by e.createdAt, e.id", BudgetEntry.class)
                .setParameter("unitId", unitId)
                .setParameter("kinds", List.of(BudgetEntry.Kind.ALLOCATED, BudgetEntry.Kind.REDUCED))
                .getResultStream().map(DecisionView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<DecisionView> history(String unitCode) {
        return history(unit(unitCode).getId());
    }

    @Transactional(readOnly = true)
    public Figures figuresOf(String unitCode) {
        return Figures.of(ledger.budgetOf(unit(unitCode).getId()));
    }

    /** Every unit's figures, by unit code, with the totals; from and to are whole days, both included. */
    @Transactional(readOnly = true)
    public Overview overview(Period period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select u.code, u.designation, b.allocated, "
                        + "b.reserved, b.committed, b.spent, b.available from unit_budget_between(:since, :until) b "
                        + "join military_unit u on u.id = b.unit_id order by u.code")
                .setParameter("since", Timestamp.from(period.start(clock.getZone())))
                .setParameter("until", Timestamp.from(period.end(clock.getZone()))).getResultList();
        Figures totals = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
        List<UnitFigures> figures = new ArrayList<>();
        for (Object[] row : rows) {
            Figures unit = new Figures((BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4],
                    (BigDecimal) row[5], (BigDecimal) row[6]);
            figures.add(new UnitFigures((String) row[0], (String) row[1], unit));
            totals = totals.plus(unit);
        }
        return new Overview(period.from(), period.to(), "UAH", figures, totals);
    }

    private DecisionView record(String admin, MilitaryUnit unit, BudgetEntry.Kind kind, BigDecimal amount,
                                BudgetDecision decision) {
        Amounts.positive("amount", amount);
        BudgetDecision checked = checked(decision);
        ledger.lock(unit.getId());
        boolean recorded = !entityManager.createQuery("select e.id from BudgetEntry e where e.unitId = :unitId "
                        + "and e.kind = :kind and e.decisionNumber = :number", Long.class)
                .setParameter("unitId", unit.getId()).setParameter("kind", kind)
                .setParameter("number", checked.number()).setMaxResults(1).getResultList().isEmpty();
        if (recorded) {
            throw new FieldConflictException("budget-decision-refused", "decisionNumber", "Decision "
                    + checked.number() + " is recorded for unit " + unit.getCode() + " already");
        }
        BudgetEntry entry = kind == BudgetEntry.Kind.ALLOCATED
                ? ledger.allocate(unit.getId(), amount, checked, admin)
                : ledger.reduce(unit.getId(), amount, checked, admin);
        audit.record(admin, kind == BudgetEntry.Kind.ALLOCATED ? "BUDGET_ALLOCATED" : "BUDGET_REDUCED", "unit",
                unit.getCode(), "amount=" + amount.toPlainString() + " decision=" + checked.number() + " date="
                        + checked.date() + " basis=" + checked.legalBasis());
        return DecisionView.of(entry);
    }

    private BudgetDecision checked(BudgetDecision decision) {
        String number = Texts.required("decisionNumber", decision.number(), 40,
                "A decision's number is 1 to 40 characters");
        if (decision.date() == null || decision.date().isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("decisionDate", "A decision's date is a day not after today");
        }
        String basis = Texts.required("legalBasis", decision.legalBasis(), 500,
                "A decision's legal basis is 1 to 500 characters");
        return new BudgetDecision(number, decision.date(), basis);
    }

    private MilitaryUnit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new NoSuchElementException("No unit with code " + code));
    }
}

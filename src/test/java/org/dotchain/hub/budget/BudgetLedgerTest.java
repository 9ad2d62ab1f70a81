package org.dotchain.hub.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@HubIntegrationTest
class BudgetLedgerTest {

    @Autowired
    BudgetLedger ledger;
    @Autowired
    MilitaryUnitRepository units;
    @Autowired
    TransactionTemplate tx;

    @Test
    void movesMoneyBetweenBucketsAndKeepsTheBalance() {
        MilitaryUnit unit = unitWith("1000.00");
        long signed = orderId();
        long cancelled = orderId();

        tx.executeWithoutResult(status -> ledger.reserve(unit.getId(), new BigDecimal("300.00"), signed));
        tx.executeWithoutResult(status -> ledger.reserve(unit.getId(), new BigDecimal("200.00"), cancelled));
        tx.executeWithoutResult(status -> ledger.commit(unit.getId(), new BigDecimal("300.00"), signed));
        tx.executeWithoutResult(status -> ledger.release(unit.getId(), new BigDecimal("200.00"), cancelled));

        UnitBudget budget = ledger.budgetOf(unit.getId());
        assertThat(budget.getAllocated()).isEqualByComparingTo("1000.00");
        assertThat(budget.getReserved()).isEqualByComparingTo("0.00");
        assertThat(budget.getCommitted()).isEqualByComparingTo("300.00");
        assertThat(budget.getSpent()).isEqualByComparingTo("0.00");
        assertThat(budget.getAvailable()).isEqualByComparingTo("700.00");
        assertThat(budget.getAvailable().add(budget.getReserved()).add(budget.getCommitted()).add(budget.getSpent()))
                .isEqualByComparingTo(budget.getAllocated());
    }

    @Test
    void refusesAReservationBeyondTheAvailableBudgetAndChangesNothing() {
        MilitaryUnit unit = unitWith("500.00");

        assertThatThrownBy(() -> tx.executeWithoutResult(
                status -> ledger.reserve(unit.getId(), new BigDecimal("500.01"), orderId())))
                .isInstanceOf(InsufficientBudgetException.class)
                .hasMessage("The order needs 500.01 UAH but only 500.00 UAH of the unit's budget is available");

        assertThat(ledger.budgetOf(unit.getId()).getAvailable()).isEqualByComparingTo("500.00");
        assertThat(ledger.budgetOf(unit.getId()).getReserved()).isEqualByComparingTo("0.00");
    }

    /** A unit of its own per test, so the suite can run again on a database that keeps its data. */
    private MilitaryUnit unitWith(String allocation) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        MilitaryUnit unit = tx.execute(status -> units.save(new MilitaryUnit(code, "Test unit " + code)));
        BudgetDecision decision = new BudgetDecision("test-" + code, LocalDate.now(), "Test allocation");
        tx.executeWithoutResult(status -> ledger.allocate(unit.getId(), new BigDecimal(allocation), decision, "test"));
        return unit;
    }

    private static long orderId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }
}

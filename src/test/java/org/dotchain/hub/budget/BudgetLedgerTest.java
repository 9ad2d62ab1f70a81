package org.dotchain.hub.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
        MilitaryUnit unit = tx.execute(status -> units.save(new MilitaryUnit("T-LEDGER", "Test unit T-LEDGER")));
        tx.executeWithoutResult(status -> ledger.allocate(unit.getId(), new BigDecimal("1000.00"), "test-alloc-ledger"));

        tx.executeWithoutResult(status -> ledger.reserve(unit.getId(), new BigDecimal("300.00"), 9_000_001L));
        tx.executeWithoutResult(status -> ledger.reserve(unit.getId(), new BigDecimal("200.00"), 9_000_002L));
        tx.executeWithoutResult(status -> ledger.commit(unit.getId(), new BigDecimal("300.00"), 9_000_001L));
        tx.executeWithoutResult(status -> ledger.release(unit.getId(), new BigDecimal("200.00"), 9_000_002L));

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
        MilitaryUnit unit = tx.execute(status -> units.save(new MilitaryUnit("T-SHORT", "Test unit T-SHORT")));
        tx.executeWithoutResult(status -> ledger.allocate(unit.getId(), new BigDecimal("500.00"), "test-alloc-short"));

        assertThatThrownBy(() -> tx.executeWithoutResult(
                status -> ledger.reserve(unit.getId(), new BigDecimal("500.01"), 9_000_003L)))
                .isInstanceOf(InsufficientBudgetException.class)
                .hasMessage("The order needs 500.01 UAH but only 500.00 UAH of the unit's budget is available");

        assertThat(ledger.budgetOf(unit.getId()).getAvailable()).isEqualByComparingTo("500.00");
        assertThat(ledger.budgetOf(unit.getId()).getReserved()).isEqualByComparingTo("0.00");
    }
}

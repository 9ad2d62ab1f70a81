package org.dotchain.hub.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.access.PersonRepository;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.cart.CartService;
import org.dotchain.hub.ordering.Checkout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DPA reduces a unit's budget while its orderers check out: every reduction and every checkout wants the same
 * available money, and together they want more than there is. Available never goes below zero, the ledger's
 * identity holds after every step, and exactly as many of them pass as the money covers.
 */
@HubIntegrationTest
class ReductionsAgainstCheckoutsTest {

    static final int ORDERERS = 12;
    static final int REDUCTIONS = 12;
    static final BigDecimal PRICE = new BigDecimal("10000.00");
    static final BigDecimal BUDGET = new BigDecimal("100000.00");

    @Autowired
    BudgetAllocations allocations;
    @Autowired
    BudgetLedger ledger;
    @Autowired
    Checkout checkout;
    @Autowired
    CartService carts;
    @Autowired
    MilitaryUnitRepository units;
    @Autowired
    PersonRepository persons;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;

    @Test
    void availableNeverGoesBelowZeroAndTheLedgerBalancesAfterEveryStep() throws Exception {
        String suffix = UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
        MilitaryUnit unit = units.save(new MilitaryUnit("RC" + suffix, "Test unit " + suffix));
        allocations.allocate("dpa.admin", unit.getCode(), BUDGET, decision("A-" + suffix));
        String product = "T-RC-" + suffix;
        db.update("insert into product (code, supplier_id, name, product_type, description, unit_price, stock, "
                + "lead_time_days) select ?, id, 'Test drone', 'FPV', 'Plenty in stock', ?, 1000, 10 "
                + "from supplier where code = 'skyforge'", product, PRICE);
        List<HubUser> orderers = new ArrayList<>();
        for (int i = 0; i < ORDERERS; i++) {
            Person person = persons.save(new Person("rc-" + suffix + "-" + i, "Orderer " + i, unit, null,
                    EnumSet.of(Role.ORDERER)));
            HubUser orderer = new HubUser(person.getId(), person.getUsername(), person.getFullName(), unit.getId(),
                    null, null, EnumSet.of(Role.ORDERER));
            carts.setQuantity(orderer, product, 1);
            orderers.add(orderer);
        }

        ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(ORDERERS + REDUCTIONS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        Future<Integer> sampler = pool.submit(() -> {
            int samples = 0;
            while (running.get()) {
                check(unit, "sampled", broken);
                samples++;
            }
            return samples;
        });
        List<Future<Boolean>> steps = new ArrayList<>();
        for (HubUser orderer : orderers) {
            steps.add(pool.submit(step(start, unit, broken, () -> checkout.checkout(orderer,
                    LocalDate.now(clock).plusDays(30)))));
        }
        for (int i = 0; i < REDUCTIONS; i++) {
            BudgetDecision decision = decision("R-" + suffix + "-" + i);
            steps.add(pool.submit(step(start, unit, broken, () -> allocations.reduce("dpa.admin", unit.getCode(),
                    PRICE, decision))));
        }
        start.countDown();
        int passed = 0;
        for (Future<Boolean> step : steps) {
            passed += step.get() ? 1 : 0;
        }
        running.set(false);
        int samples = sampler.get();
        pool.shutdown();

        assertThat(broken).as("the budget at every step").isEmpty();
        assertThat(samples).as("the budget was read while the steps ran").isPositive();
        assertThat(passed).as("steps the money covered").isEqualTo(10);
        UnitBudget budget = ledger.budgetOf(unit.getId());
        assertThat(budget.getAvailable()).isEqualByComparingTo("0.00");
        int reductions = db.queryForObject("select count(*) from budget_entry where unit_id = ? and kind = 'REDUCED'",
                Integer.class, unit.getId());
        assertThat(budget.getAllocated()).isEqualByComparingTo(BUDGET.subtract(PRICE.multiply(
                BigDecimal.valueOf(reductions))));
        assertThat(budget.getReserved()).isEqualByComparingTo(PRICE.multiply(BigDecimal.valueOf(10 - reductions)));
    }

    /** One checkout or reduction; true if it passed, false if refused for want of money; then the budget checked. */
    private Callable<Boolean> step(CountDownLatch start, MilitaryUnit unit, ConcurrentLinkedQueue<String> broken,
                                   Callable<?> action) {
        return () -> {
            start.await();
            boolean passed;
            try {
                action.call();
                passed = true;
            } catch (InsufficientBudgetException | BudgetReductionRefusedException refused) {
                passed = false;
            }
            check(unit, passed ? "after a step that passed" : "after a refused step", broken);
            return passed;
        };
    }

    private void check(MilitaryUnit unit, String when, ConcurrentLinkedQueue<String> broken) {
        UnitBudget budget = ledger.budgetOf(unit.getId());
        BigDecimal buckets = budget.getAvailable().add(budget.getReserved()).add(budget.getCommitted())
                .add(budget.getSpent());
        if (budget.getAvailable().signum() < 0 || buckets.compareTo(budget.getAllocated()) != 0) {
            broken.add(when + ": allocated " + budget.getAllocated() + ", available " + budget.getAvailable()
                    + ", reserved " + budget.getReserved() + ", committed " + budget.getCommitted());
        }
    }

    private static BudgetDecision decision(String number) {
        return new BudgetDecision(number, LocalDate.of(2026, 11, 30), "Test decision");
    }
}

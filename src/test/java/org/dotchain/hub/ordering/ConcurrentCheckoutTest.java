package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.access.PersonRepository;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.budget.BudgetDecision;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.budget.InsufficientBudgetException;
import org.dotchain.hub.budget.UnitBudget;
import org.dotchain.hub.cart.CartService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Many orderers of one unit check out at once against its one budget and one scarce product. */
@HubIntegrationTest
class ConcurrentCheckoutTest {

    static final int ORDERERS = 24;
    static final int STOCK = 5;
    static final BigDecimal PRICE = new BigDecimal("10000.00");
    static final BigDecimal BUDGET = new BigDecimal("100000.00");

    @Autowired
    Checkout checkout;
    @Autowired
    CartService carts;
    @Autowired
    BudgetLedger ledger;
    @Autowired
    MilitaryUnitRepository units;
    @Autowired
    PersonRepository persons;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate db;

    @Test
    void neitherBudgetNorStockIsEverOversold() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        MilitaryUnit unit = tx.execute(status -> units.save(new MilitaryUnit("T-CC-" + suffix, "Test unit " + suffix)));
        BudgetDecision decision = new BudgetDecision("test-cc-" + suffix, LocalDate.now(), "Test allocation");
        tx.executeWithoutResult(status -> ledger.allocate(unit.getId(), BUDGET, decision, "test"));
        String product = "T-SCARCE-" + suffix;
        db.update("insert into product (code, supplier_id, name, product_type, description, unit_price, stock, "
                + "lead_time_days) select ?, id, 'Scarce test drone', 'FPV', 'Only a few exist', ?, ?, 10 "
                + "from supplier where code = 'skyforge'", product, PRICE, STOCK);
        List<HubUser> orderers = new ArrayList<>();
        for (int i = 0; i < ORDERERS; i++) {
            Person person = persons.save(new Person("cc-" + suffix + "-" + i, "Orderer " + i, unit, null,
                    EnumSet.of(Role.ORDERER)));
            HubUser orderer = new HubUser(person.getId(), person.getUsername(), person.getFullName(), unit.getId(),
                    null, null, EnumSet.of(Role.ORDERER));
            carts.setQuantity(orderer, product, 2);
            orderers.add(orderer);
        }

        ExecutorService pool = Executors.newFixedThreadPool(ORDERERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Checkout.Result>> results = new ArrayList<>();
        for (HubUser orderer : orderers) {
            Callable<Checkout.Result> task = () -> {
                start.await();
                return checkout.checkout(orderer, LocalDate.now().plusDays(30));
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        int succeeded = 0;
        int refused = 0;
        int inStockTaken = 0;
        int preOrdered = 0;
        for (Future<Checkout.Result> result : results) {
            try {
                Checkout.Result done = result.get();
                succeeded++;
                inStockTaken += done.orders().stream().mapToInt(order -> order.lines().get(0).ordered()).sum();
                preOrdered += done.preOrders().stream().mapToInt(order -> order.lines().get(0).ordered()).sum();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(InsufficientBudgetException.class);
                refused++;
            }
        }
        pool.shutdown();

        UnitBudget budget = ledger.budgetOf(unit.getId());
        assertThat(succeeded).as("checkouts that fit the budget").isEqualTo(5);
        assertThat(refused).isEqualTo(ORDERERS - 5);
        assertThat(budget.getAvailable()).isEqualByComparingTo("0.00");
        assertThat(budget.getReserved()).isEqualByComparingTo(BUDGET);
        assertThat(budget.getAvailable().add(budget.getReserved()).add(budget.getCommitted()).add(budget.getSpent()))
                .isEqualByComparingTo(budget.getAllocated());
        int stockLeft = db.queryForObject("select stock from product where code = ?", Integer.class, product);
        assertThat(stockLeft).isZero();
        assertThat(inStockTaken).as("items held by orders").isEqualTo(STOCK);
        assertThat(preOrdered).isEqualTo(succeeded * 2 - STOCK);
        Map<String, Object> held = db.queryForMap("select coalesce(sum(l.quantity), 0) as items from order_line l "
                + "join purchase_order o on o.id = l.order_id where l.product_code = ? and o.kind = 'ORDER'", product);
        assertThat(((Number) held.get("items")).intValue()).as("no unit holds stock another holds").isEqualTo(STOCK);
    }
}

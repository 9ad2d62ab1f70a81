package org.dotchain.hub.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.access.PersonRepository;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.budget.BudgetDecision;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.cart.CartService;
import org.dotchain.hub.catalog.StockUpdates;
import org.dotchain.hub.suppliers.FrameworkAgreement;
import org.dotchain.hub.suppliers.SupplierAgreements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orderers of several units check out one scarce product at the same moment, round after round, while others cancel
 * and sign earlier orders, a unit orders two items directly and the supplier reports new stock: after every round the
 * stock in hand and the items held by orders the supplier has not acknowledged add up to what the supplier reported,
 * to the item. A checkout never refuses for stock (what stock does not cover becomes a pre-order); the direct order
 * is refused only as out of stock.
 */
@HubIntegrationTest
class MultiUnitStockTest {

    static final int UNITS = 3;
    static final int ORDERERS_PER_UNIT = 2;
    static final int ROUNDS = 24;
    static final int FIRST_REPORT = 6;
    static final int RESTOCK_EVERY = 4;
    static final int RESTOCK_BY = 4;
    static final BigDecimal PRICE = new BigDecimal("1000.00");

    @Autowired
    SupplierAgreements agreements;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderPlacement placement;
    @Autowired
    StockUpdates stockUpdates;
    @Autowired
    PreOrderAnswers preOrders;
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

    /** A round's orderers, two cancellations, a signature, a direct order and a restock, all at once. */
    final ExecutorService pool = Executors.newFixedThreadPool(UNITS * ORDERERS_PER_UNIT + 5);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    record Placed(HubUser creator, String orderNumber) {
    }

    @Test
    void cancellingAnAnsweredPreOrderReturnsNoStock() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String supplier = "t-stock-" + suffix;
        String product = scarceProductOf(supplier, suffix);
        MilitaryUnit unit = unit("T-PO-" + suffix);
        HubUser orderer = ordererOf(unit, "po-" + suffix);
        carts.setQuantity(orderer, product, 3);
        Checkout.Result result = checkout.checkout(orderer, LocalDate.now().plusDays(30));
        assertThat(result.orders()).isEmpty();
        String preOrder = result.preOrders().get(0).orderNumber();
        preOrders.answer(preOrder, supplier, true, LocalDate.now().plusDays(20), null);

        assertThat(placement.cancel(preOrder, orderer).status()).isEqualTo(OrderStatus.CANCELLED);

        assertThat(stockOf(product)).as("a pre-order's items were never in stock").isZero();
        assertThat(ledger.budgetOf(unit.getId()).getReserved()).isEqualByComparingTo("0.00");
    }

    @Test
    void stockInHandAndHeldByOrdersAlwaysAddUpToWhatTheSupplierReported() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String supplier = "t-stock-" + suffix;
        String product = scarceProductOf(supplier, suffix);
        int reported = FIRST_REPORT;
        stockUpdates.apply(supplier, "stock-" + UUID.randomUUID(),
                List.of(new StockUpdates.ProductStock(product, reported, null)));

        List<HubUser> orderers = new ArrayList<>();
        List<String> unitCodes = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            String code = "T-MU-" + suffix + "-" + u;
            unitCodes.add(code);
            MilitaryUnit unit = unit(code);
            for (int i = 0; i < ORDERERS_PER_UNIT; i++) {
                orderers.add(ordererOf(unit, "mu-" + suffix + "-" + u + "-" + i));
            }
        }

        Random random = new Random(42);
        List<Placed> open = new ArrayList<>();
        int taken = 0;
        int preOrdered = 0;
        int contendedRounds = 0;
        int outOfStock = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int before = stockOf(product);
            orderers.forEach(orderer -> carts.setQuantity(orderer, product, 1));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Checkout.Result>> checkouts = new ArrayList<>();
            for (HubUser orderer : orderers) {
                checkouts.add(pool.submit(atOnce(start, () -> checkout.checkout(orderer, LocalDate.now().plusDays(30)))));
            }
            List<Future<?>> others = new ArrayList<>();
            List<Placed> cancellable = open.stream().filter(placed -> placed.creator() != null).toList();
            for (int c = 0; c < 2 && c < cancellable.size(); c++) {
                Placed cancelled = cancellable.get(random.nextInt(cancellable.size()));
                if (open.remove(cancelled)) {
                    others.add(pool.submit(atOnce(start,
                            () -> placement.cancel(cancelled.orderNumber(), cancelled.creator()))));
                }
            }
            String directUnit = unitCodes.get(round % UNITS);
            Future<PurchaseOrder> direct = pool.submit(atOnce(start,
                    () -> placement.placeInStockOrder(directUnit, Map.of(product, 2))));
            if (!open.isEmpty()) {
                Placed signed = open.remove(random.nextInt(open.size()));
                others.add(pool.submit(atOnce(start, () -> placement.form(signed.orderNumber()))));
            }
            if (round % RESTOCK_EVERY == 0) {
                int report = reported + RESTOCK_BY;
                reported = report;
                others.add(pool.submit(atOnce(start, () -> {
                    stockUpdates.apply(supplier, "stock-" + UUID.randomUUID(),
                            List.of(new StockUpdates.ProductStock(product, report, null)));
                    return null;
                })));
            }
            start.countDown();

            for (int i = 0; i < orderers.size(); i++) {
                Checkout.Result result = checkouts.get(i).get(60, TimeUnit.SECONDS);
                int inStock = result.orders().stream().mapToInt(order -> order.lines().get(0).ordered()).sum();
                int beyond = result.preOrders().stream().mapToInt(order -> order.lines().get(0).ordered()).sum();
                assertThat(inStock + beyond).as("round %d: the one item wanted is ordered or pre-ordered", round)
                        .isEqualTo(1);
                taken += inStock;
                preOrdered += beyond;
                for (OrderView order : result.orders()) {
                    open.add(new Placed(orderers.get(i), order.orderNumber()));
                }
            }
            for (Future<?> other : others) {
                other.get(60, TimeUnit.SECONDS);
            }
            try {
                open.add(new Placed(null, direct.get(60, TimeUnit.SECONDS).getOrderNumber()));
                taken += 2;
            } catch (ExecutionException refused) {
                assertThat(refused.getCause()).as("round %d: the only refusal is out of stock", round)
                        .isInstanceOf(OutOfStockException.class);
                outOfStock++;
            }
            if (before < orderers.size()) {
                contendedRounds++;
            }

            int inHand = stockOf(product);
            int held = heldBy(product, "'AWAITING_SIGNATURE', 'FORMED'");
            assertThat(inHand).as("round %d: stock in hand", round).isNotNegative();
            assertThat(inHand + held).as("round %d: in hand %d + held %d = reported %d", round, inHand, held, reported)
                    .isEqualTo(reported);
            assertThat(heldBy(product, "'AWAITING_SIGNATURE'")).as("round %d: orders awaiting signature", round)
                    .isEqualTo(open.stream().mapToInt(placed -> placed.creator() == null ? 2 : 1).sum());
        }

        assertThat(contendedRounds).as("rounds where fewer items were left than orderers wanted").isPositive();
        assertThat(taken).as("items ever taken from stock").isGreaterThan(FIRST_REPORT);
        assertThat(preOrdered).as("items beyond stock became pre-orders").isPositive();
        assertThat(outOfStock).as("direct orders refused for want of stock").isPositive();
        assertThat(taken + preOrdered).isEqualTo(ROUNDS * orderers.size() + 2 * (ROUNDS - outOfStock));
    }

    /** A product of a supplier of its own, none in stock until the supplier reports some. */
    private String scarceProductOf(String supplier, String suffix) {
        String product = "T-SCARCE-" + suffix;
        db.update("insert into supplier (code, name, registration_code, connector_ref) values (?, ?, ?, ?)",
                supplier, "Scarce test supplier " + suffix, "R" + suffix, "test");
        db.update("insert into product (code, supplier_id, name, product_type, description, unit_price, stock, "
                + "lead_time_days) select ?, id, 'Scarce test drone', 'FPV', 'Only a few exist', ?, 0, 10 "
                + "from supplier where code = ?", product, PRICE, supplier);
        agreements.record("dpa.admin", supplier, new SupplierAgreements.NewAgreement("FA-" + suffix,
                LocalDate.now().minusDays(1), LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                List.of(new FrameworkAgreement.Item("FPV", PRICE))));
        return product;
    }

    private MilitaryUnit unit(String code) {
        MilitaryUnit unit = tx.execute(status -> units.save(new MilitaryUnit(code, "Test unit " + code)));
        BudgetDecision decision = new BudgetDecision("test-" + code, LocalDate.now(), "Test allocation");
        tx.executeWithoutResult(status -> ledger.allocate(unit.getId(), new BigDecimal("10000000.00"), decision,
                "test"));
        return unit;
    }

    private HubUser ordererOf(MilitaryUnit unit, String username) {
        Person person = persons.save(new Person(username, "Orderer " + username, unit, null, EnumSet.of(Role.ORDERER)));
        return new HubUser(person.getId(), person.getUsername(), person.getFullName(), unit.getId(), null, null,
                EnumSet.of(Role.ORDERER));
    }

    private static <T> Callable<T> atOnce(CountDownLatch start, Callable<T> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }

    private int stockOf(String product) {
        return db.queryForObject("select stock from product where code = ?", Integer.class, product);
    }

    private int heldBy(String product, String statuses) {
        return db.queryForObject("select coalesce(sum(l.quantity), 0) from order_line l join purchase_order o "
                + "on o.id = l.order_id where l.product_code = ? and o.kind = 'ORDER' and o.status in (" + statuses
                + ")", Integer.class, product);
    }
}

package org.dotchain.hub.ordering;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.budget.InsufficientBudgetException;
import org.dotchain.hub.cart.CartLine;
import org.dotchain.hub.cart.CartService;
import org.dotchain.hub.catalog.Product;
import org.dotchain.hub.catalog.ProductRepository;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an orderer's cart into orders, one per supplier: what stock covers becomes an order awaiting its creator's
 * signature, with budget reserved and stock held; the rest becomes a pre-order that asks the supplier whether and
 * when it can produce. The unit's row is locked first, so a unit's checkouts never spend the same money twice, then
 * the rows of the cart's products, so two units never get the same items.
 */
@Service
@Transactional
public class Checkout {

    private final CartService carts;
    private final ProductRepository products;
    private final PurchaseOrderRepository orders;
    private final BudgetLedger ledger;
    private final OrderDocuments documents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final OrderTracking tracking;
    private final Clock clock;
    private final int answerDays;
    private final SupplierOffering offering;

    Checkout(CartService carts, ProductRepository products, PurchaseOrderRepository orders, BudgetLedger ledger,
             OrderDocuments documents, Outbox outbox, AuditTrail audit, EntityManager entityManager,
             OrderTracking tracking, Clock clock, OrderingProperties settings, SupplierOffering offering) {
        this.carts = carts;
        this.products = products;
        this.orders = orders;
        this.ledger = ledger;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.entityManager = entityManager;
        this.tracking = tracking;
        this.clock = clock;
        this.answerDays = settings.preOrderAnswerDays();
        this.offering = offering;
    }

    public record Result(List<OrderView> orders, List<OrderView> preOrders) {
    }

    private record Wanted(Product product, int quantity) {
    }

    public Result checkout(HubUser orderer, LocalDate requiredBy) {
        LocalDate today = LocalDate.now(clock);
        if (requiredBy == null || !requiredBy.isAfter(today)) {
            throw new InvalidFieldException("requiredBy", "'requiredBy' must be a date after today");
        }
        MilitaryUnit unit = entityManager.find(MilitaryUnit.class, orderer.unitId(), LockModeType.PESSIMISTIC_WRITE);
        Person creator = entityManager.find(Person.class, orderer.personId());
        List<CartLine> lines = carts.takeLines(orderer);
        if (lines.isEmpty()) {
            throw new InvalidFieldException("lines", "The cart is empty");
        }
        offering.checkOffered(lines.stream().map(line -> line.getProduct().listing()).toList());
        BigDecimal total = lines.stream().map(line -> line.getProduct().getUnitPrice()
                .multiply(BigDecimal.valueOf(line.getQuantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = ledger.budgetOf(unit.getId()).getAvailable();
        if (total.compareTo(available) > 0) {
            throw new InsufficientBudgetException(total, available);
        }
        Map<Supplier, List<CartLine>> bySupplier = new LinkedHashMap<>();
        lines.forEach(line -> bySupplier.computeIfAbsent(line.getProduct().getSupplier(), s -> new ArrayList<>())
                .add(line));
        List<PurchaseOrder> created = new ArrayList<>();
        List<PurchaseOrder> preOrders = new ArrayList<>();
        Map<Long, Integer> inHand = lockStockOf(lines);
        for (var group : bySupplier.entrySet()) {
            List<Wanted> inStock = new ArrayList<>();
            List<Wanted> beyond = new ArrayList<>();
            for (CartLine line : group.getValue()) {
                Product product = line.getProduct();
                int taken = Math.min(line.getQuantity(), inHand.get(product.getId()));
                if (taken > 0) {
                    if (products.takeStock(product.getId(), taken) == 0) {
                        throw new IllegalStateException("Stock of " + product.getCode() + " moved under its lock");
                    }
                    inHand.merge(product.getId(), -taken, Integer::sum);
                    inStock.add(new Wanted(product, taken));
                }
                if (line.getQuantity() > taken) {
                    beyond.add(new Wanted(product, line.getQuantity() - taken));
                }
            }
            if (!inStock.isEmpty()) {
                PurchaseOrder order = create(OrderKind.ORDER, unit, group.getKey(), creator, inStock,
                        OrderStatus.AWAITING_SIGNATURE);
                documents.issueForSignature(order);
                created.add(order);
            }
            if (!beyond.isEmpty()) {
                PurchaseOrder preOrder = create(OrderKind.PRE_ORDER, unit, group.getKey(), creator, beyond,
                        OrderStatus.AWAITING_SUPPLIER_ANSWER);
                preOrder.awaitAnswer(requiredBy, today.plusDays(answerDays));
                outbox.publish(PreOrderRequestMessage.TYPE, SupplierChannels.ordersOf(group.getKey().getCode()),
                        preOrder.getOrderNumber(), PreOrderRequestMessage.of(preOrder, clock.instant()));
                preOrders.add(preOrder);
            }
        }
        return new Result(created.stream().map(tracking::view).toList(),
                preOrders.stream().map(tracking::view).toList());
    }

    /** Every product of the cart locked in the order of its id, so that two checkouts never wait for each other. */
    private Map<Long, Integer> lockStockOf(List<CartLine> lines) {
        Map<Long, Integer> inHand = new TreeMap<>();
        lines.forEach(line -> inHand.put(line.getProduct().getId(), 0));
        inHand.replaceAll((productId, none) -> products.lockStock(productId));
        return inHand;
    }

    private PurchaseOrder create(OrderKind kind, MilitaryUnit unit, Supplier supplier, Person creator,
                                 List<Wanted> lines, OrderStatus status) {
        PurchaseOrder order = new PurchaseOrder(OrderNumbers.next(orders, clock), kind, unit, supplier, creator,
                status);
        lines.forEach(wanted -> order.addLine(wanted.product(), wanted.quantity()));
        orders.save(order);
        ledger.reserve(unit.getId(), order.getTotal(), order.getId());
        audit.record(creator.getUsername(), kind == OrderKind.ORDER ? "ORDER_CREATED" : "PRE_ORDER_CREATED",
                "order", order.getOrderNumber(), "total=" + order.getTotal() + " supplier=" + supplier.getCode());
        return order;
    }
}

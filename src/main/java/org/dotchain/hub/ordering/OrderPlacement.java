package org.dotchain.hub.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.catalog.Product;
import org.dotchain.hub.catalog.ProductRepository;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.signing.SigningRoundCompleted;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates in-stock orders and forms them. Creating reserves budget and holds stock; forming commits the budget,
 * starts the shipping clock and, in the same transaction, puts the order in the outbox for its supplier.
 */
@Service
@Transactional
public class OrderPlacement {

    static final int SHIPPING_DAYS = 7;

    private final PurchaseOrderRepository orders;
    private final ProductRepository products;
    private final MilitaryUnitRepository units;
    private final BudgetLedger ledger;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final OrderTracking tracking;
    private final SupplierOffering offering;

    OrderPlacement(PurchaseOrderRepository orders, ProductRepository products, MilitaryUnitRepository units,
                   BudgetLedger ledger, Outbox outbox, AuditTrail audit, Clock clock, OrderTracking tracking,
                   SupplierOffering offering) {
        this.offering = offering;
        this.orders = orders;
        this.products = products;
        this.units = units;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.tracking = tracking;
    }

    /**
     * An order of items in stock, all from one supplier, or none if any is short: for the hub's own tests and
     * benchmarks, which need orders without a cart. Locks like checkout: the unit, then the products by id.
     */
    public PurchaseOrder placeInStockOrder(String unitCode, Map<String, Integer> quantitiesByProductCode) {
        MilitaryUnit unit = units.findByCode(unitCode)
                .orElseThrow(() -> new NoSuchElementException("No unit with code " + unitCode));
        ledger.lock(unit.getId());
        Map<Product, Integer> byId = new TreeMap<>(Comparator.comparing(Product::getId));
        quantitiesByProductCode.forEach((code, quantity) -> byId.put(products.findByCode(code)
                .orElseThrow(() -> new NoSuchElementException("No product with code " + code)), quantity));
        PurchaseOrder order = null;
        for (var wanted : byId.entrySet()) {
            Product product = wanted.getKey();
            if (order == null) {
                order = new PurchaseOrder(nextOrderNumber(), OrderKind.ORDER, unit, product.getSupplier(), null,
                        OrderStatus.AWAITING_SIGNATURE);
            } else if (!order.getSupplier().getId().equals(product.getSupplier().getId())) {
                throw new IllegalArgumentException("An order goes to one supplier; " + product.getCode()
                        + " belongs to " + product.getSupplier().getCode());
            }
            if (products.takeStock(product.getId(), wanted.getValue()) == 0) {
                throw new OutOfStockException(product.getCode(), wanted.getValue());
            }
            order.addLine(product, wanted.getValue());
        }
        if (order == null) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        orders.save(order);
        ledger.reserve(unit.getId(), order.getTotal(), order.getId());
        audit.record("hub", "ORDER_CREATED", "order", order.getOrderNumber(), "total=" + order.getTotal());
        return order;
    }

    /** The step the orderer's signature triggers. */
    public PurchaseOrder form(String orderNumber) {
        PurchaseOrder order = orders.findByOrderNumber(orderNumber)
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
        // a supplier suspended, or whose agreement ended, since the order was made takes it no more
        offering.checkOffered(order.getLines().stream().map(line -> line.getProduct().listing()).toList());
        order.moveTo(OrderStatus.FORMED, Set.of(OrderStatus.AWAITING_SIGNATURE), "signed by its creator");
        order.setShipBy(LocalDate.now(clock).plusDays(SHIPPING_DAYS));
        ledger.commit(order.getUnit().getId(), order.getTotal(), order.getId());
        Supplier supplier = order.getSupplier();
        outbox.publish(OrderMessage.TYPE, SupplierChannels.ordersOf(supplier.getCode()), order.getOrderNumber(),
                OrderMessage.of(order, clock.instant()));
        audit.record("hub", "ORDER_FORMED", "order", order.getOrderNumber(), "shipBy=" + order.getShipBy());
        return order;
    }

    /** Only its creator may cancel an order, and only before signing it; budget and stock go back. */
    public OrderView cancel(String orderNumber, HubUser caller) {
        PurchaseOrder order = orders.findByOrderNumberAndUnitId(orderNumber, caller.unitId())
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
        if (order.getCreatedBy() == null || !order.getCreatedBy().getId().equals(caller.personId())) {
            throw new AccessDeniedException("Only the person who created order " + orderNumber + " may cancel it");
        }
        ledger.lock(order.getUnit().getId());
        order.moveTo(OrderStatus.CANCELLED, Set.of(OrderStatus.AWAITING_SIGNATURE), "cancelled by its creator");
        ledger.release(order.getUnit().getId(), order.getTotal(), order.getId());
        if (order.getKind() == OrderKind.ORDER) {
            // an answered pre-order awaiting its signature holds no stock: the supplier makes its items
            order.getLines().stream().sorted(Comparator.comparing(line -> line.getProduct().getId()))
                    .forEach(line -> products.returnStock(line.getProduct().getId(), line.getQuantity()));
        }
        audit.record(caller.username(), "ORDER_CANCELLED", "order", orderNumber, "released=" + order.getTotal());
        return tracking.view(order);
    }

    /** The signing feature tells when an order's document carries its creator's signature. */
    @EventListener
    public void onSigned(SigningRoundCompleted signed) {
        if (signed.kind() == Document.Kind.ORDER) {
            orders.findByDocumentId(signed.documentId()).ifPresent(order -> form(order.getOrderNumber()));
        }
    }

    private String nextOrderNumber() {
        return OrderNumbers.next(orders, clock);
    }
}

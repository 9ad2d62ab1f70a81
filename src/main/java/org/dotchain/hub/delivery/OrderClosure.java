package org.dotchain.hub.delivery;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.ordering.OrderLine;
import org.dotchain.hub.ordering.OrderStatus;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.dotchain.hub.ordering.PurchaseOrderRepository;
import org.dotchain.hub.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing an order short: its refused or missing items will not come. The money of those items goes back from
 * committed to available, the supplier is told through its connector (order-closure-v1), and the order ends with
 * what was delivered: DELIVERED until that is paid, then COMPLETED.
 */
@Service
@Transactional
public class OrderClosure {

    /** An order closed short, for whoever completes it once what was delivered is paid. */
    public record ClosedShort(PurchaseOrder order) {
    }

    public record ClosureView(String orderNumber, OrderStatus status, BigDecimal returned, String reason,
                              List<OrderClosureMessage.Line> lines) {
    }

    private static final Set<ShipmentItem.Status> ARRIVED =
            EnumSet.of(ShipmentItem.Status.RECEIVED, ShipmentItem.Status.AUTHORISED);
    private static final Set<OrderStatus> CLOSABLE = EnumSet.of(OrderStatus.ACCEPTED_BY_SUPPLIER,
            OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.PARTIALLY_DELIVERED);

    private final PurchaseOrderRepository orders;
    private final ShipmentRepository shipments;
    private final BudgetLedger ledger;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entityManager;

    OrderClosure(PurchaseOrderRepository orders, ShipmentRepository shipments, BudgetLedger ledger, Outbox outbox,
                 AuditTrail audit, ApplicationEventPublisher events, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.orders = orders;
        this.shipments = shipments;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** By the unit's orderer (the endpoint admits no one else of the unit), or by the DPA's administrator, for any. */
    public ClosureView closeShort(String orderNumber, String reason, HubUser caller) {
        String why = Texts.required("reason", reason, 500, "A closure's reason is 1 to 500 characters; the "
                + "supplier reads it");
        PurchaseOrder order = (caller.has(Role.DPA_ADMIN) ? orders.findByOrderNumber(orderNumber)
                : orders.findByOrderNumberAndUnitId(orderNumber, caller.unitId()))
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
        // the unit first, like every movement of its money, then the order: a receipt or a second closure waits
        ledger.lock(order.getUnit().getId());
        entityManager.refresh(order, LockModeType.PESSIMISTIC_WRITE);
        if (!CLOSABLE.contains(order.getStatus())) {
            throw new IllegalOrderTransitionException("Order " + orderNumber + " is " + order.getStatus()
                    + ": only an order its supplier accepted, and not yet delivered whole, can be closed short");
        }
        List<ShipmentItem> items = shipments.findByOrderOrderById(order).stream()
                .flatMap(shipment -> shipment.getItems().stream()).toList();
        long inTransit = items.stream().filter(item -> item.getStatus() == ShipmentItem.Status.DESPATCHED).count();
        if (inTransit > 0) {
            throw new IllegalOrderTransitionException(inTransit + " items of order " + orderNumber + " are on their "
                    + "way: record their receipt first, then close what is left");
        }
        List<OrderClosureMessage.Line> lines = new ArrayList<>();
        BigDecimal returned = BigDecimal.ZERO;
        for (OrderLine line : order.getLines()) {
            int delivered = (int) items.stream().filter(item -> item.getOrderLine().equals(line)
                    && ARRIVED.contains(item.getStatus())).count();
            int withdrawn = line.getQuantity() - delivered;
            lines.add(new OrderClosureMessage.Line(line.getLineNumber(), line.getProductCode(), line.getQuantity(),
                    delivered, withdrawn));
            returned = returned.add(line.getUnitPrice().multiply(BigDecimal.valueOf(withdrawn)));
        }
        order.closeShort(why);
        if (returned.signum() > 0) {
            ledger.returnUndelivered(order.getUnit().getId(), returned, order.getId());
        }
        Instant now = clock.instant();
        outbox.publish(OrderClosureMessage.TYPE, SupplierChannels.ordersOf(order.getSupplier().getCode()),
                orderNumber, new OrderClosureMessage("1.0", OrderClosureMessage.TYPE, orderNumber, now, why, lines));
        audit.record(caller.username(), "ORDER_CLOSED_SHORT", "order", orderNumber, "returned="
                + returned.toPlainString() + " reason=" + why);
        events.publishEvent(new ClosedShort(order));
        return new ClosureView(orderNumber, order.getStatus(), returned, why, lines);
    }
}

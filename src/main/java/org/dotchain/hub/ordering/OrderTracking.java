package org.dotchain.hub.ordering;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.HubUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's orders, only its own: another unit's order is answered as if it did not exist. */
@Service
@Transactional(readOnly = true)
public class OrderTracking {

    private final PurchaseOrderRepository orders;
    private final EntityManager entityManager;

    OrderTracking(PurchaseOrderRepository orders, EntityManager entityManager) {
        this.orders = orders;
        this.entityManager = entityManager;
    }

    public Page<OrderView> list(HubUser caller, OrderStatus status, Pageable page) {
        return orders.findForUnit(caller.unitId(), status, page).map(this::view);
    }

    public OrderView find(HubUser caller, String orderNumber) {
        return orders.findByOrderNumberAndUnitId(orderNumber, caller.unitId()).map(this::view)
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
    }

    OrderView view(PurchaseOrder order) {
        return new OrderView(order.getOrderNumber(), order.getKind(), order.getStatus(),
                order.getSupplier().getCode(), order.getSupplier().getName(),
                order.getCreatedBy() == null ? null : order.getCreatedBy().getUsername(), order.getTotal(), "UAH",
                order.getRequiredBy(), order.getPromisedBy(), order.getShipBy(), order.getOverdueSince(),
                order.getDeclineReason(),
                order.getDocumentId(), order.getCreatedAt(),
                order.getLines().stream().map(line -> new OrderView.Line(line.getLineNumber(), line.getProductCode(),
                        line.getProductName(), line.getQuantity(), count(line, false), count(line, true),
                        line.getUnitPrice(), line.getAmount(), expectedBy(order, line))).toList(),
                order.getHistory().stream().map(change -> new OrderView.Change(change.getFromStatus(),
                        change.getToStatus(), change.getReason(), change.getChangedAt())).toList());
    }

    /**
     * When what is still missing of a line should arrive: the latest expected arrival of its despatched items not yet
     * received, else the supplier's promise or the ship-by date; null once everything has arrived.
     */
    private LocalDate expectedBy(PurchaseOrder order, OrderLine line) {
        if (count(line, true) >= line.getQuantity()) {
            return null;
        }
        LocalDate despatched = entityManager.createQuery("select max(s.expectedArrival) from ShipmentItem i "
                        + "join i.shipment s where i.orderLine = :line and i.status = 'DESPATCHED'", LocalDate.class)
                .setParameter("line", line).getSingleResult();
        if (despatched != null) {
            return despatched;
        }
        return order.getPromisedBy() != null ? order.getPromisedBy() : order.getShipBy();
    }

    private long count(OrderLine line, boolean received) {
        return entityManager.createQuery("select count(i) from ShipmentItem i where i.orderLine = :line"
                        + (received ? " and i.status in ('RECEIVED', 'AUTHORISED')" : ""), Long.class)
                .setParameter("line", line).getSingleResult();
    }
}

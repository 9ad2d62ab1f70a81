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
                order.getLines().stream().map(line -> line(order, line)).toList(),
                order.getHistory().stream().map(change -> new OrderView.Change(change.getFromStatus(),
                        change.getToStatus(), change.getReason(), change.getChangedAt())).toList());
    }

    /**
     * A line as tracked, from one query over its items: shipped (not refused), received, and when what is still
     * missing should arrive: the latest expected arrival of its items on their way, else the supplier's promise or
     * the ship-by date; null once everything has arrived.
     */
    private OrderView.Line line(PurchaseOrder order, OrderLine line) {
        Object[] items = entityManager.createQuery("select "
                        + "coalesce(sum(case when i.status <> 'REFUSED' then 1 else 0 end), 0), "
                        + "coalesce(sum(case when i.status in ('RECEIVED', 'AUTHORISED') then 1 else 0 end), 0), "
                        + "max(case when i.status = 'DESPATCHED' then s.expectedArrival end) "
                        + "from ShipmentItem i join i.shipment s where i.orderLine = :line", Object[].class)
                .setParameter("line", line).getSingleResult();
        long shipped = ((Number) items[0]).longValue();
        long received = ((Number) items[1]).longValue();
        LocalDate onTheirWay = (LocalDate) items[2];
        LocalDate expectedBy = received >= line.getQuantity() ? null
                : onTheirWay != null ? onTheirWay
                : order.getPromisedBy() != null ? order.getPromisedBy() : order.getShipBy();
        return new OrderView.Line(line.getLineNumber(), line.getProductCode(), line.getProductName(),
                line.getQuantity(), shipped, received, line.getUnitPrice(), line.getAmount(), expectedBy);
    }
}

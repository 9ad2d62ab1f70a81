package org.dotchain.hub.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dotchain.hub.operations.Alerts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A formed order must ship within seven days of its commitment; one that has not is flagged and raises an alert. */
@Service
@Transactional
public class ShippingDeadlines {

    private final PurchaseOrderRepository orders;
    private final Alerts alerts;
    private final Clock clock;

    ShippingDeadlines(PurchaseOrderRepository orders, Alerts alerts, Clock clock) {
        this.orders = orders;
        this.alerts = alerts;
        this.clock = clock;
    }

    public List<String> flagOverdue() {
        LocalDate today = LocalDate.now(clock);
        List<PurchaseOrder> overdue = orders.findNotShippedBy(today);
        for (PurchaseOrder order : overdue) {
            order.flagOverdue(today);
            alerts.raise("ORDER_NOT_SHIPPED", "order", order.getOrderNumber(), order.getUnit().getId(),
                    order.getSupplier().getId(), "Order " + order.getOrderNumber() + " of " + order.getSupplier()
                            .getName() + " was due to ship by " + order.getShipBy() + " and has not");
        }
        return overdue.stream().map(PurchaseOrder::getOrderNumber).toList();
    }
}

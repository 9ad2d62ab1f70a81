package org.dotchain.hub.ordering;

import java.util.Set;
import org.dotchain.hub.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The end of an order's cycle: everything delivered has been paid, so it is PAID and then COMPLETED. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class OrderCompletion {

    private final AuditTrail audit;

    OrderCompletion(AuditTrail audit) {
        this.audit = audit;
    }

    public void paid(PurchaseOrder order, String paymentReference) {
        order.moveTo(OrderStatus.PAID, Set.of(OrderStatus.DELIVERED), "paid, payment " + paymentReference);
        order.moveTo(OrderStatus.COMPLETED, Set.of(OrderStatus.PAID), "delivered and paid");
        audit.record("hub", "ORDER_COMPLETED", "order", order.getOrderNumber(), "payment=" + paymentReference);
    }
}

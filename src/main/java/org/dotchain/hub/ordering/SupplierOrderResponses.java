package org.dotchain.hub.ordering;

import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.platform.InvalidMessageException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's answer to a formed order, with the Peppol order response codes: AB it has the order, AP it accepts
 * it, CA it accepts it with changes (the reason says which), RE it rejects it (the reason says why), and the
 * committed money goes back to the unit's available budget.
 */
@Service
@Transactional
public class SupplierOrderResponses {

    private static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.FORMED, OrderStatus.TRANSFERRED);

    private final PurchaseOrderRepository orders;
    private final BudgetLedger ledger;
    private final AuditTrail audit;

    SupplierOrderResponses(PurchaseOrderRepository orders, BudgetLedger ledger, AuditTrail audit) {
        this.orders = orders;
        this.ledger = ledger;
        this.audit = audit;
    }

    public void respond(String orderNumber, String supplierCode, String responseCode, String reason) {
        PurchaseOrder order = ofSupplier(orders, orderNumber, supplierCode);
        switch (responseCode) {
            case "AB" -> order.moveTo(OrderStatus.TRANSFERRED, Set.of(OrderStatus.FORMED), "received by the supplier");
            case "AP" -> order.moveTo(OrderStatus.ACCEPTED_BY_SUPPLIER, OPEN, "accepted by the supplier");
            case "CA" -> order.moveTo(OrderStatus.ACCEPTED_BY_SUPPLIER, OPEN, "accepted with changes: " + reason);
            case "RE" -> {
                order.moveTo(OrderStatus.REJECTED_BY_SUPPLIER, OPEN, "rejected by the supplier: " + reason);
                ledger.returnCommitted(order.getUnit().getId(), order.getTotal(), order.getId());
            }
            default -> throw new InvalidMessageException("Unknown order response code " + responseCode);
        }
        audit.record("supplier:" + supplierCode, "ORDER_RESPONSE_" + responseCode, "order", orderNumber,
                "status=" + order.getStatus());
    }

    /** A supplier sees only its own orders: any other is answered as if it did not exist. */
    public static PurchaseOrder ofSupplier(PurchaseOrderRepository orders, String orderNumber, String supplierCode) {
        return orders.findByOrderNumber(orderNumber)
                .filter(order -> order.getSupplier().getCode().equals(supplierCode))
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber + " of supplier " + supplierCode));
    }
}

package org.dotchain.hub.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What becomes of a pre-order: the supplier can produce by the unit's required-by date (it becomes an order for its
 * creator to sign), later or not at all (declined, reserve released), or does not answer in time (expired, reserve
 * released). The supplier's answer arrives through its connector.
 */
@Service
@Transactional
public class PreOrderAnswers {

    private static final Set<OrderStatus> AWAITING = Set.of(OrderStatus.AWAITING_SUPPLIER_ANSWER);

    private final PurchaseOrderRepository orders;
    private final BudgetLedger ledger;
    private final OrderDocuments documents;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    PreOrderAnswers(PurchaseOrderRepository orders, BudgetLedger ledger, OrderDocuments documents, AuditTrail audit,
                    Outbox outbox, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.documents = documents;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param supplierCode  who answers: only the pre-order's own supplier may
     * @param deliveryDate  by when the supplier can deliver; null with a refusal
     */
    public PurchaseOrder answer(String orderNumber, String supplierCode, boolean canProduce, LocalDate deliveryDate,
                                String reason) {
        PurchaseOrder preOrder = orders.findByOrderNumber(orderNumber)
                .filter(order -> order.getKind() == OrderKind.PRE_ORDER)
                .filter(order -> order.getSupplier().getCode().equals(supplierCode))
                .orElseThrow(() -> new NoSuchElementException("No pre-order " + orderNumber + " of " + supplierCode));
        if (canProduce && deliveryDate != null && !deliveryDate.isAfter(preOrder.getRequiredBy())) {
            preOrder.moveTo(OrderStatus.AWAITING_SIGNATURE, AWAITING, "the supplier can deliver by " + deliveryDate);
            preOrder.promise(deliveryDate);
            documents.issueForSignature(preOrder);
        } else {
            String why = canProduce
                    ? "the supplier can deliver only by " + deliveryDate + ", after the required " + preOrder.getRequiredBy()
                    : "the supplier cannot produce: " + (reason == null ? "no reason given" : reason);
            preOrder.moveTo(OrderStatus.DECLINED, AWAITING, why);
            preOrder.decline(why);
            ledger.release(preOrder.getUnit().getId(), preOrder.getTotal(), preOrder.getId());
        }
        audit.record("supplier:" + supplierCode, "PRE_ORDER_ANSWERED", "order", orderNumber,
                "status=" + preOrder.getStatus());
        return preOrder;
    }

    /** Pre-orders whose answer is overdue expire, release their reserve, and are withdrawn from the supplier. */
    public List<PurchaseOrder> expireUnanswered() {
        List<PurchaseOrder> overdue = orders.findUnansweredDueBefore(LocalDate.now(clock));
        for (PurchaseOrder preOrder : overdue) {
            String reason = "no answer from the supplier by " + preOrder.getAnswerDueBy();
            preOrder.moveTo(OrderStatus.EXPIRED, AWAITING, reason);
            preOrder.decline(reason);
            ledger.release(preOrder.getUnit().getId(), preOrder.getTotal(), preOrder.getId());
            outbox.publish(CancellationMessage.TYPE, SupplierChannels.ordersOf(preOrder.getSupplier().getCode()),
                    preOrder.getOrderNumber(), CancellationMessage.of(preOrder, clock.instant(), reason));
            audit.record("hub", "PRE_ORDER_EXPIRED", "order", preOrder.getOrderNumber(), "due=" + preOrder.getAnswerDueBy());
        }
        return overdue;
    }
}

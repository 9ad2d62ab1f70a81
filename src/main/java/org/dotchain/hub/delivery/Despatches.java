package org.dotchain.hub.delivery;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.ordering.OrderLine;
import org.dotchain.hub.ordering.OrderStatus;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.dotchain.hub.ordering.PurchaseOrderRepository;
import org.dotchain.hub.ordering.SupplierOrderResponses;
import org.dotchain.hub.platform.InvalidMessageException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's despatch advice: a shipment of some or all of an order's lines, each item by serial number. The order
 * is SHIPPED when every item is on its way, PARTIALLY_SHIPPED before; items the unit refused are shipped again.
 */
@Service
@Transactional
public class Despatches {

    private final PurchaseOrderRepository orders;
    private final EntityManager entityManager;
    private final AuditTrail audit;

    Despatches(PurchaseOrderRepository orders, EntityManager entityManager, AuditTrail audit) {
        this.orders = orders;
        this.entityManager = entityManager;
        this.audit = audit;
    }

    public record DespatchedLine(int lineNumber, int quantity, List<String> serialNumbers) {
    }

    public void record(String orderNumber, String supplierCode, String despatchNumber, Instant despatchedAt,
                       LocalDate expectedArrival, List<DespatchedLine> lines) {
        PurchaseOrder order = SupplierOrderResponses.ofSupplier(orders, orderNumber, supplierCode);
        refuseRepeats(order, despatchNumber, lines);
        Shipment shipment = new Shipment(order, despatchNumber, despatchedAt, expectedArrival);
        entityManager.persist(shipment);
        for (DespatchedLine despatched : lines) {
            OrderLine line = order.getLines().stream().filter(l -> l.getLineNumber() == despatched.lineNumber())
                    .findFirst().orElseThrow(() -> new InvalidMessageException("Order " + orderNumber
                            + " has no line " + despatched.lineNumber()));
            if (despatched.serialNumbers().size() != despatched.quantity()) {
                throw new InvalidMessageException("Line " + despatched.lineNumber() + " ships " + despatched.quantity()
                        + " items but names " + despatched.serialNumbers().size() + " serial numbers");
            }
            long shippedBefore = shipped(line);
            if (shippedBefore + despatched.quantity() > line.getQuantity()) {
                throw new InvalidMessageException("Line " + despatched.lineNumber() + " of order " + orderNumber
                        + " has " + line.getQuantity() + " items, " + shippedBefore + " shipped already");
            }
            for (String serial : despatched.serialNumbers()) {
                entityManager.persist(new ShipmentItem(shipment, line, serial));
            }
        }
        entityManager.flush();
        boolean complete = order.getLines().stream().allMatch(line -> shipped(line) == line.getQuantity());
        order.moveTo(complete ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED,
                EnumSet.of(OrderStatus.FORMED, OrderStatus.TRANSFERRED, OrderStatus.ACCEPTED_BY_SUPPLIER,
                        OrderStatus.PARTIALLY_SHIPPED, OrderStatus.PARTIALLY_DELIVERED),
                "despatch " + despatchNumber + ", expected " + expectedArrival);
        audit.record("supplier:" + supplierCode, "DESPATCH_ADVISED", "order", orderNumber,
                "despatch=" + despatchNumber + " status=" + order.getStatus());
    }

    /**
     * A despatch number is a despatch's once per order, and a serial number an item's once per line, whatever message
     * id brings it again: a repeat is refused in words, before the database's constraints would refuse it in theirs.
     */
    private void refuseRepeats(PurchaseOrder order, String despatchNumber, List<DespatchedLine> lines) {
        boolean advisedBefore = !entityManager.createQuery("select s.id from Shipment s where s.order = :order "
                        + "and s.despatchNumber = :number", Long.class)
                .setParameter("order", order).setParameter("number", despatchNumber).setMaxResults(1)
                .getResultList().isEmpty();
        if (advisedBefore) {
            throw new InvalidMessageException("Despatch " + despatchNumber + " of order " + order.getOrderNumber()
                    + " was advised before, under another message id: each despatch has a number of its own");
        }
        Set<String> once = new HashSet<>();
        for (DespatchedLine despatched : lines) {
            for (String serial : despatched.serialNumbers()) {
                if (!once.add(despatched.lineNumber() + "/" + serial)) {
                    throw new InvalidMessageException("Line " + despatched.lineNumber() + " names serial number "
                            + serial + " twice");
                }
            }
            List<String> shippedBefore = despatched.serialNumbers().isEmpty() ? List.of() : entityManager.createQuery(
                            "select i.serialNumber from ShipmentItem i where i.orderLine.order = :order "
                                    + "and i.orderLine.lineNumber = :line and i.serialNumber in :serials", String.class)
                    .setParameter("order", order).setParameter("line", despatched.lineNumber())
                    .setParameter("serials", despatched.serialNumbers()).setMaxResults(1).getResultList();
            if (!shippedBefore.isEmpty()) {
                throw new InvalidMessageException("Serial number " + shippedBefore.get(0) + " of line "
                        + despatched.lineNumber() + " was shipped before; an item shipped again needs a serial number "
                        + "this line has not used");
            }
        }
    }

    /** Items shipped for a line and not refused by the unit: a refused item is shipped again. */
    private long shipped(OrderLine line) {
        return entityManager.createQuery("select count(i) from ShipmentItem i where i.orderLine = :line "
                        + "and i.status <> :refused", Long.class)
                .setParameter("line", line).setParameter("refused", ShipmentItem.Status.REFUSED).getSingleResult();
    }
}

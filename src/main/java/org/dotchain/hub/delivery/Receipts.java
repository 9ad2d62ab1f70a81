package org.dotchain.hub.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.operations.Alerts;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.ordering.OrderStatus;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.dotchain.hub.ordering.PurchaseOrderRepository;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's receiver records what arrived of a despatch, item by serial number: received, refused (damaged, with
 * the reason), or not there. What was received goes on an expenditure invoice for the receiver to sign; an item
 * missing stays expected (a later receipt of the same despatch may take it), a refused one is shipped again; a
 * refusal or a shortfall is a claim against the supplier, raised as an alert that the unit and the supplier see.
 */
@Service
@Transactional
public class Receipts {

    public record Refusal(String serialNumber, String reason) {
    }

    public record ReceiptView(String orderNumber, String despatchNumber, OrderStatus orderStatus, List<String> received,
                              List<Refusal> refused, List<String> missing, ExpenditureInvoices.InvoiceView invoice) {
    }

    private static final Set<ShipmentItem.Status> ARRIVED =
            EnumSet.of(ShipmentItem.Status.RECEIVED, ShipmentItem.Status.AUTHORISED);

    private final PurchaseOrderRepository orders;
    private final ShipmentRepository shipments;
    private final ExpenditureInvoices invoices;
    private final Alerts alerts;
    private final AuditTrail audit;
    private final Clock clock;

    Receipts(PurchaseOrderRepository orders, ShipmentRepository shipments, ExpenditureInvoices invoices,
             Alerts alerts, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.invoices = invoices;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    public ReceiptView record(String orderNumber, String despatchNumber, List<String> receivedSerials,
                              List<Refusal> refusals, HubUser receiver) {
        PurchaseOrder order = orders.findByOrderNumberAndUnitId(orderNumber, receiver.unitId())
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
        List<Shipment> shipped = shipments.findByOrderOrderById(order);
        Shipment shipment = shipped.stream()
                .filter(candidate -> candidate.getDespatchNumber().equals(despatchNumber)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Order " + orderNumber + " has no despatch "
                        + despatchNumber));
        Map<String, ShipmentItem> items = shipment.getItems().stream()
                .filter(item -> item.getStatus() == ShipmentItem.Status.DESPATCHED)
                .collect(Collectors.toMap(ShipmentItem::getSerialNumber, Function.identity()));
        if (items.isEmpty()) {
            throw new IllegalOrderTransitionException("received-already", "Every item of despatch " + despatchNumber
                    + " of order " + orderNumber + " is received or refused already; a receipt is recorded once per "
                    + "item", despatchNumber);
        }
        for (Refusal refusal : refusals) {
            Texts.required("reason", refusal.reason(), 500, "Item " + refusal.serialNumber() + " is refused: say why "
                    + "in 1 to 500 characters, the supplier reads it");
        }
        Set<String> named = new HashSet<>();
        for (String serial : concat(receivedSerials, refusals.stream().map(Refusal::serialNumber).toList())) {
            if (!items.containsKey(serial)) {
                boolean recorded = shipment.getItems().stream().anyMatch(item -> item.getSerialNumber().equals(serial));
                if (recorded) {
                    throw new IllegalOrderTransitionException("received-already", "Item " + serial + " of despatch "
                            + despatchNumber + " is received or refused already; a receipt is recorded once per item",
                            despatchNumber);
                }
                throw new InvalidFieldException("received", "Serial number " + serial + " is not in despatch "
                        + despatchNumber);
            }
            if (!named.add(serial)) {
                throw new InvalidFieldException("received", "Serial number " + serial + " is named twice");
            }
        }

        List<ShipmentItem> received = receivedSerials.stream().map(items::get).toList();
        received.forEach(ShipmentItem::receive);
        refusals.forEach(refusal -> items.get(refusal.serialNumber()).refuse(refusal.reason()));
        List<String> missing = items.keySet().stream().filter(serial -> !named.contains(serial)).sorted().toList();
        shipment.received(clock.instant());

        boolean everythingArrived = order.getLines().stream().allMatch(line -> shipped.stream()
                .flatMap(s -> s.getItems().stream())
                .filter(item -> item.getOrderLine().equals(line) && ARRIVED.contains(item.getStatus()))
                .count() == line.getQuantity());
        order.moveTo(everythingArrived ? OrderStatus.DELIVERED : OrderStatus.PARTIALLY_DELIVERED,
                EnumSet.of(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.PARTIALLY_DELIVERED),
                "despatch " + despatchNumber + " received: " + received.size() + " received, " + refusals.size()
                        + " refused, " + missing.size() + " missing");
        audit.record(receiver.username(), "DESPATCH_RECEIVED", "order", orderNumber, "despatch=" + despatchNumber
                + " received=" + received.size() + " refused=" + refusals.size() + " missing=" + missing.size());
        if (!refusals.isEmpty() || !missing.isEmpty()) {
            alerts.raise("DELIVERY_CLAIM", "receipt", shipment.getId() + "@" + clock.instant().toEpochMilli(),
                    order.getUnit().getId(),
                    order.getSupplier().getId(), "Claim on " + order.getSupplier().getName() + ": despatch "
                            + despatchNumber + " of order " + orderNumber + " arrived with " + refusals.size()
                            + " refused and " + missing.size() + " missing items");
        }
        ExpenditureInvoices.InvoiceView invoice = received.isEmpty() ? null
                : invoices.issue(order, shipment, received, receiver);
        return new ReceiptView(orderNumber, despatchNumber, order.getStatus(), receivedSerials, refusals, missing,
                invoice);
    }

    public record ItemView(String serialNumber, int lineNumber, String productCode, String despatchNumber,
                           ShipmentItem.Status status, String refusalReason) {
    }

    /** Every item shipped for an order, by serial number, with where it stands: despatched, received, refused, authorised. */
    @Transactional(readOnly = true)
    public List<ItemView> items(String orderNumber, HubUser caller) {
        PurchaseOrder order = orders.findByOrderNumberAndUnitId(orderNumber, caller.unitId())
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
        return shipments.findByOrderOrderById(order).stream().flatMap(shipment -> shipment.getItems().stream())
                .map(item -> new ItemView(item.getSerialNumber(), item.getOrderLine().getLineNumber(),
                        item.getOrderLine().getProductCode(), item.getShipment().getDespatchNumber(), item.getStatus(),
                        item.getRefusalReason()))
                .toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

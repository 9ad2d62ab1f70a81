package org.dotchain.hub.delivery;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.documents.DocumentRequest;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.ordering.OrderLine;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.dotchain.hub.signing.RequiredSigner;
import org.dotchain.hub.signing.SigningRoundCompleted;
import org.dotchain.hub.signing.SigningService;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expenditure invoices: issued for what a receipt received, signed by the receiver who recorded it. The signature
 * authorises the invoice's items for operational use, and the supplier is told, so that it may certify the invoice.
 */
@Service
@Transactional
public class ExpenditureInvoices {

    public record InvoiceLineView(int lineNumber, String productCode, String productName, int quantity,
                                  BigDecimal amount) {
    }

    /**
     * @param document  where to read and sign it
     * @param signature when the receiver's signature was accepted; null while the invoice awaits it
     */
    public record InvoiceView(String invoiceNumber, String orderNumber, String despatchNumber, Long documentId,
                              ExpenditureInvoice.Status status, BigDecimal total, List<InvoiceLineView> lines,
                              String unitCode, String supplierCode, String currency, String document,
                              Instant createdAt, Instant signature) {
    }

    private final EntityManager entityManager;
    private final ExpenditureInvoiceRepository invoices;
    private final SigningService signing;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    ExpenditureInvoices(EntityManager entityManager, ExpenditureInvoiceRepository invoices, SigningService signing,
                        Outbox outbox, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.invoices = invoices;
        this.signing = signing;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The invoice for the items received of a despatch, issued for the receiver's signature. */
    public InvoiceView issue(PurchaseOrder order, Shipment shipment, List<ShipmentItem> received, HubUser receiver) {
        String number = "EI-%d-%06d".formatted(Year.now(clock).getValue(), ((Number) entityManager
                .createNativeQuery("select nextval('expenditure_invoice_number_seq')").getSingleResult()).longValue());
        ExpenditureInvoice invoice = new ExpenditureInvoice(number, order, shipment);
        Map<OrderLine, List<String>> serialsByLine = new LinkedHashMap<>();
        received.forEach(item -> serialsByLine.computeIfAbsent(item.getOrderLine(), line -> new java.util.ArrayList<>())
                .add(item.getSerialNumber()));
        serialsByLine.forEach((line, serials) -> invoice.addLine(line, serials.size()));
        entityManager.persist(invoice);
        received.forEach(item -> item.invoicedBy(invoice.getId()));

        var unit = order.getUnit();
        var supplier = order.getSupplier();
        DocumentRequest request = new DocumentRequest(Document.Kind.EXPENDITURE_INVOICE, number, LocalDate.now(clock),
                unit.getDesignation(), supplier.getName(), supplier.getRegistrationCode(),
                serialsByLine.entrySet().stream().map(entry -> new DocumentRequest.Line(entry.getKey().getProductName(),
                        entry.getKey().getProductCode(), entry.getValue().size(), entry.getKey().getUnitPrice(),
                        entry.getValue())).toList(),
                "Order " + order.getOrderNumber() + ", despatch " + shipment.getDespatchNumber(), null, List.of());
        RequiredSigner signer = new RequiredSigner("RECEIVER", receiver.username(), receiver.fullName(),
                unit.getDesignation());
        invoice.attachDocument(signing.issue(request, List.of(signer), unit.getId(), supplier.getId())
                .getDocument().getId());
        audit.record(receiver.username(), "EXPENDITURE_INVOICE_ISSUED", "invoice", number,
                "order=" + order.getOrderNumber() + " total=" + invoice.getTotal());
        return view(invoice);
    }

    @EventListener
    public void onSigned(SigningRoundCompleted signed) {
        if (signed.kind() != Document.Kind.EXPENDITURE_INVOICE) {
            return;
        }
        entityManager.createQuery("select i from ExpenditureInvoice i where i.documentId = :document",
                        ExpenditureInvoice.class)
                .setParameter("document", signed.documentId()).getResultStream().findFirst()
                .ifPresent(this::signed);
    }

    private void signed(ExpenditureInvoice invoice) {
        invoice.signed(clock.instant());
        entityManager.createQuery("select i from ShipmentItem i where i.invoiceId = :invoice", ShipmentItem.class)
                .setParameter("invoice", invoice.getId()).getResultList().forEach(ShipmentItem::authorise);
        // the supplier may now put it on an acceptance certificate
        outbox.publish(ExpenditureInvoiceMessage.TYPE,
                SupplierChannels.ordersOf(invoice.getOrder().getSupplier().getCode()),
                invoice.getOrder().getOrderNumber(), ExpenditureInvoiceMessage.of(invoice));
        audit.record("hub", "EXPENDITURE_INVOICE_SIGNED", "invoice", invoice.getInvoiceNumber(),
                "items authorised for operational use");
    }

    /** The invoices the caller may see: the unit's for its people, the supplier's for its people, all for the DPA. */
    @Transactional(readOnly = true)
    public Page<InvoiceView> visibleTo(HubUser caller, ExpenditureInvoice.Status status, Pageable page) {
        boolean all = caller.isAgencyStaff() || caller.has(Role.OPERATOR);
        return invoices.findVisible(all, caller.unitId(), caller.supplierId(), status, page)
                .map(ExpenditureInvoices::view);
    }

    static InvoiceView view(ExpenditureInvoice invoice) {
        PurchaseOrder order = invoice.getOrder();
        return new InvoiceView(invoice.getInvoiceNumber(), order.getOrderNumber(),
                invoice.getShipment().getDespatchNumber(), invoice.getDocumentId(), invoice.getStatus(),
                invoice.getTotal(), invoice.getLines().stream().map(line -> new InvoiceLineView(
                        line.getOrderLine().getLineNumber(), line.getOrderLine().getProductCode(),
                        line.getOrderLine().getProductName(), line.getQuantity(), line.getAmount())).toList(),
                order.getUnit().getCode(), order.getSupplier().getCode(), "UAH",
                "/api/documents/" + invoice.getDocumentId(), invoice.getCreatedAt(), invoice.getSignedAt());
    }
}

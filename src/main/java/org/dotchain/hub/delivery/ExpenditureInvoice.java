package org.dotchain.hub.delivery;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.ordering.OrderLine;
import org.dotchain.hub.ordering.PurchaseOrder;

/**
 * What a unit received of one despatch, as the document its receiver signs: on that signature the items are
 * authorised for operational use, and the supplier may put the invoice on an acceptance certificate.
 */
@Entity
public class ExpenditureInvoice {

    public enum Status { AWAITING_SIGNATURE, SIGNED, CERTIFIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;

    @Enumerated(EnumType.STRING)
    private Status status = Status.AWAITING_SIGNATURE;
    private BigDecimal total = BigDecimal.ZERO;
    private Long documentId;
    private Instant createdAt = Instant.now();
    private Instant signedAt;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    private List<ExpenditureInvoiceLine> lines = new ArrayList<>();

    protected ExpenditureInvoice() {
    }

    ExpenditureInvoice(String invoiceNumber, PurchaseOrder order, Shipment shipment) {
        this.invoiceNumber = invoiceNumber;
        this.order = order;
        this.shipment = shipment;
    }

    void addLine(OrderLine orderLine, int quantity) {
        ExpenditureInvoiceLine line = new ExpenditureInvoiceLine(this, orderLine, quantity);
        lines.add(line);
        total = total.add(line.getAmount());
    }

    void attachDocument(Long documentId) {
        this.documentId = documentId;
    }

    void signed(Instant at) {
        this.status = Status.SIGNED;
        this.signedAt = at;
    }

    public void certified() {
        this.status = Status.CERTIFIED;
    }

    public Long getId() {
        return id;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    public Shipment getShipment() {
        return shipment;
    }

    public Status getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public List<ExpenditureInvoiceLine> getLines() {
        return lines;
    }
}

package org.dotchain.hub.settlement;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
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
import org.dotchain.hub.delivery.Shipment;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.ordering.PurchaseOrder;

/** What a unit received from one despatch; once its receiver signs it, those items may be used. */
@Entity
public class ExpenditureInvoice {

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

    private String status;
    private BigDecimal total;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private Document document;

    private Instant createdAt = Instant.now();
    private Instant signedAt;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    private List<ExpenditureInvoiceLine> lines = new ArrayList<>();

    protected ExpenditureInvoice() {
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

    public String getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Document getDocument() {
        return document;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public List<ExpenditureInvoiceLine> getLines() {
        return List.copyOf(lines);
    }
}

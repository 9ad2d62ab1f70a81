package org.dotchain.hub.settlement;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.catalog.Supplier;
import org.dotchain.hub.documents.Document;

/** A supplier's claim for payment over signed expenditure invoices; payment-ready once supplier, unit and DPA sign. */
@Entity
public class AcceptanceCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String certificateNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private MilitaryUnit unit;

    private String status;
    private BigDecimal total;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private Document document;

    private Instant createdAt = Instant.now();

    @ManyToMany
    @JoinTable(name = "acceptance_certificate_invoice",
            joinColumns = @JoinColumn(name = "certificate_id"),
            inverseJoinColumns = @JoinColumn(name = "invoice_id"))
    private Set<ExpenditureInvoice> invoices = new HashSet<>();

    protected AcceptanceCertificate() {
    }

    public Long getId() {
        return id;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public MilitaryUnit getUnit() {
        return unit;
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

    public Set<ExpenditureInvoice> getInvoices() {
        return Set.copyOf(invoices);
    }
}

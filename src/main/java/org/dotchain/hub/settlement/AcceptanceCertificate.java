package org.dotchain.hub.settlement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.delivery.ExpenditureInvoice;
import org.dotchain.hub.suppliers.Supplier;

/**
 * What a supplier delivered to one unit and the unit accepted, over a list of signed expenditure invoices: once the
 * supplier, the unit's signatory and the DPA's have signed it, the DPA's finance system may pay it.
 */
@Entity
public class AcceptanceCertificate {

    public enum Status { AWAITING_SIGNATURES, PAYMENT_READY, PAID }

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

    @Enumerated(EnumType.STRING)
    private Status status = Status.AWAITING_SIGNATURES;
    private BigDecimal total;
    private Long documentId;
    private String requestMessageId;
    private Instant createdAt = Instant.now();
    private Instant acknowledgedAt;
    private String paymentReference;
    private BigDecimal paidAmount;
    private java.time.LocalDate paidOn;

    @ManyToMany
    @JoinTable(name = "acceptance_certificate_invoice", joinColumns = @JoinColumn(name = "certificate_id"),
            inverseJoinColumns = @JoinColumn(name = "invoice_id"))
    private List<ExpenditureInvoice> invoices = new ArrayList<>();

    protected AcceptanceCertificate() {
    }

    AcceptanceCertificate(String certificateNumber, Supplier supplier, MilitaryUnit unit,
                          List<ExpenditureInvoice> invoices, String requestMessageId) {
        this.certificateNumber = certificateNumber;
        this.supplier = supplier;
        this.unit = unit;
        this.invoices = new ArrayList<>(invoices);
        this.total = invoices.stream().map(ExpenditureInvoice::getTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.requestMessageId = requestMessageId;
    }

    void attachDocument(Long documentId) {
        this.documentId = documentId;
    }

    void paymentReady() {
        this.status = Status.PAYMENT_READY;
    }

    void acknowledged(Instant at) {
        this.acknowledgedAt = at;
    }

    void paid(String reference, BigDecimal amount, java.time.LocalDate on) {
        this.status = Status.PAID;
        this.paymentReference = reference;
        this.paidAmount = amount;
        this.paidOn = on;
    }

    public String getPaymentReference() {
        return paymentReference;
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

    public Status getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public List<ExpenditureInvoice> getInvoices() {
        return invoices;
    }
}

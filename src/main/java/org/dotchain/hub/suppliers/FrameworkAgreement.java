package org.dotchain.hub.suppliers;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The DPA's framework agreement with a supplier: the product types it covers, each with its highest unit price. */
@Entity
public class FrameworkAgreement {

    /** A product type the agreement covers and the most the DPA pays for one item of it. */
    @Embeddable
    public record Item(@Size(max = 32) String productType, BigDecimal maxUnitPrice) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    private String agreementNumber;
    private LocalDate signedOn;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String recordedBy;
    private Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "framework_agreement_item", joinColumns = @JoinColumn(name = "agreement_id"))
    private List<Item> items = new ArrayList<>();

    protected FrameworkAgreement() {
    }

    FrameworkAgreement(Supplier supplier, String agreementNumber, LocalDate signedOn, LocalDate validFrom,
                       LocalDate validUntil, List<Item> items, String recordedBy, Instant recordedAt) {
        this.supplier = supplier;
        this.agreementNumber = agreementNumber;
        this.signedOn = signedOn;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.items = new ArrayList<>(items);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public Long getId() {
        return id;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public String getAgreementNumber() {
        return agreementNumber;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public List<Item> getItems() {
        return List.copyOf(items);
    }
}

package org.dotchain.hub.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.dotchain.hub.suppliers.Supplier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A supplier's offer of a product for the showcase, or of a new price or description of one of its own, waiting
 * for the DPA's decision. A price-only offer (from a stock update) has no name, type, description or specifications.
 */
@Entity
public class CatalogOffer {

    public enum Status { PENDING, APPROVED, REJECTED, SUPERSEDED }

    /** CONNECTOR: through the supplier's connector, answered there; RECORDED: by the DPA, from one on paper. */
    public enum Origin { CONNECTOR, RECORDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    private String offerNumber;
    @Enumerated(EnumType.STRING)
    private Origin origin;
    private String productCode;
    private String name;
    private String productType;
    private String description;
    private BigDecimal unitPrice;
    private Integer leadTimeDays;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> specifications;
    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;
    private Instant receivedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String reason;

    protected CatalogOffer() {
    }

    CatalogOffer(Supplier supplier, String offerNumber, Origin origin, String productCode, String name,
                 String productType, String description, BigDecimal unitPrice, Integer leadTimeDays,
                 Map<String, Object> specifications, Instant receivedAt) {
        this.supplier = supplier;
        this.offerNumber = offerNumber;
        this.origin = origin;
        this.productCode = productCode;
        this.name = name;
        this.productType = productType;
        this.description = description;
        this.unitPrice = unitPrice;
        this.leadTimeDays = leadTimeDays;
        this.specifications = specifications;
        this.receivedAt = receivedAt;
    }

    void decide(Status decision, String admin, Instant at, String reason) {
        this.status = decision;
        this.decidedBy = admin;
        this.decidedAt = at;
        this.reason = reason;
    }

    void supersede(Instant at) {
        decide(Status.SUPERSEDED, null, at, "A later offer for the same product replaced it");
    }

    /** What the supplier's answer says of it: a superseded offer is not taken, like a rejected one. */
    String answerDecision() {
        return status == Status.APPROVED ? "APPROVED" : "REJECTED";
    }

    public Long getId() {
        return id;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public String getOfferNumber() {
        return offerNumber;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getProductCode() {
        return productCode;
    }

    public String getName() {
        return name;
    }

    public String getProductType() {
        return productType;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public Map<String, Object> getSpecifications() {
        return specifications;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}

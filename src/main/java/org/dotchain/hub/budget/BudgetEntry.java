package org.dotchain.hub.budget;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One movement in a unit's budget ledger; see {@link Kind} for what each moves. Entries are never changed. */
@Entity
public class BudgetEntry {

    public enum Kind {
        /** New money for the unit by a DPA decision: becomes available. */
        ALLOCATED,
        /** Available money taken back by a DPA decision: lowers what is allocated. */
        REDUCED,
        /** Available to reserved, when an order or pre-order is created. */
        RESERVED,
        /** Reserved back to available, when an order is cancelled, declined or expires. */
        RELEASED,
        /** Reserved to committed, when the orderer signs the order. */
        COMMITTED,
        /** Committed back to available, when the supplier rejects a committed order. */
        RETURNED,
        /** Committed to spent, when the DPA finance system confirms payment. */
        SPENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long unitId;

    @Enumerated(EnumType.STRING)
    private Kind kind;
    private BigDecimal amount;
    private Long orderId;
    private String reference;
    private String decisionNumber;
    private LocalDate decisionDate;
    private String legalBasis;
    private String recordedBy;
    private Instant createdAt = Instant.now();

    protected BudgetEntry() {
    }

    BudgetEntry(Long unitId, Kind kind, BigDecimal amount, Long orderId, String reference) {
        this.unitId = unitId;
        this.kind = kind;
        this.amount = amount;
        this.orderId = orderId;
        this.reference = reference;
    }

    BudgetEntry(Long unitId, Kind kind, BigDecimal amount, BudgetDecision decision, String recordedBy) {
        this(unitId, kind, amount, (Long) null, "decision-" + unitId + "-" + kind + "-" + decision.number());
        this.decisionNumber = decision.number();
        this.decisionDate = decision.date();
        this.legalBasis = decision.legalBasis();
        this.recordedBy = recordedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getReference() {
        return reference;
    }

    public BudgetDecision getDecision() {
        return decisionNumber == null ? null : new BudgetDecision(decisionNumber, decisionDate, legalBasis);
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package org.dotchain.hub.budget;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/**
 * A unit's budget window, derived by the view unit_budget from the ledger.
 * allocated = available + reserved + committed + spent holds by construction.
 */
@Entity
@Immutable
@Table(name = "unit_budget")
public class UnitBudget {

    @Id
    private Long unitId;
    private BigDecimal allocated;
    private BigDecimal reserved;
    private BigDecimal committed;
    private BigDecimal spent;
    private BigDecimal available;

    protected UnitBudget() {
    }

    public Long getUnitId() {
        return unitId;
    }

    public BigDecimal getAllocated() {
        return allocated;
    }

    public BigDecimal getReserved() {
        return reserved;
    }

    public BigDecimal getCommitted() {
        return committed;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public BigDecimal getAvailable() {
        return available;
    }
}

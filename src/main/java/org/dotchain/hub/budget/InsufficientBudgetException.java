package org.dotchain.hub.budget;

import java.math.BigDecimal;

public class InsufficientBudgetException extends RuntimeException {

    private final BigDecimal requested;
    private final BigDecimal available;

    public InsufficientBudgetException(BigDecimal requested, BigDecimal available) {
        super("The order needs " + requested.toPlainString() + " UAH but only " + available.toPlainString()
                + " UAH of the unit's budget is available");
        this.requested = requested;
        this.available = available;
    }

    public BigDecimal getRequested() {
        return requested;
    }

    public BigDecimal getAvailable() {
        return available;
    }
}

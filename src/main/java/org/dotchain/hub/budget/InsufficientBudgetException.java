package org.dotchain.hub.budget;

import java.math.BigDecimal;
import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

public class InsufficientBudgetException extends Refusal {

    private final BigDecimal requested;
    private final BigDecimal available;

    public InsufficientBudgetException(BigDecimal requested, BigDecimal available) {
        super(HttpStatus.CONFLICT, "insufficient-budget", "The order needs " + requested.toPlainString() + " UAH but only " + available.toPlainString()
                + " UAH of the unit's budget is available");
        this.requested = requested;
        this.available = available;
        explain(null, requested, available);
    }

    public BigDecimal getRequested() {
        return requested;
    }

    public BigDecimal getAvailable() {
        return available;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("requested", requested);
        problem.setProperty("available", available);
        return problem;
    }
}

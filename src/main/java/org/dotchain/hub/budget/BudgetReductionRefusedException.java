package org.dotchain.hub.budget;

import java.math.BigDecimal;
import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A reduction larger than what is available: reserved, committed and spent money is never taken back. */
public class BudgetReductionRefusedException extends Refusal {

    private final BigDecimal requested;
    private final UnitBudget budget;

    BudgetReductionRefusedException(BigDecimal requested, UnitBudget budget) {
        super(HttpStatus.CONFLICT, "budget-reduction-refused", "A reduction of " + requested.toPlainString()
                + " UAH is more than the " + budget.getAvailable().toPlainString() + " UAH available; "
                + budget.getReserved().toPlainString() + " UAH reserved, " + budget.getCommitted().toPlainString()
                + " UAH committed and " + budget.getSpent().toPlainString() + " UAH spent cannot be reduced");
        this.requested = requested;
        this.budget = budget;
        explain(null, requested, budget.getAvailable());
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("field", "amount");
        problem.setProperty("requested", requested);
        problem.setProperty("allocated", budget.getAllocated());
        problem.setProperty("available", budget.getAvailable());
        problem.setProperty("reserved", budget.getReserved());
        problem.setProperty("committed", budget.getCommitted());
        problem.setProperty("spent", budget.getSpent());
        return problem;
    }
}

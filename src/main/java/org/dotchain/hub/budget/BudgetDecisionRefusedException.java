package org.dotchain.hub.budget;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A decision that conflicts with what is recorded: the same decision twice, or new money for a retired unit. */
class BudgetDecisionRefusedException extends Refusal {

    private final String field;

    BudgetDecisionRefusedException(String field, String message) {
        super(HttpStatus.CONFLICT, "budget-decision-refused", message);
        this.field = field;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("field", field);
        return problem;
    }
}

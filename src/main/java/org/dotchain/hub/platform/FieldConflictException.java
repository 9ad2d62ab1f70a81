package org.dotchain.hub.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A well-formed request value that conflicts with what is recorded (a number recorded already, a retired unit):
 * 409 with its problem type and the field at fault.
 */
public class FieldConflictException extends Refusal {

    private final String field;

    /** The page's text is refusal.&lt;type&gt;.&lt;field&gt;, with the details as its arguments. */
    public FieldConflictException(String type, String field, String message, Object... details) {
        super(HttpStatus.CONFLICT, type, message);
        this.field = field;
        explain(field, details);
    }

    public String getField() {
        return field;
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("field", field);
        return problem;
    }
}

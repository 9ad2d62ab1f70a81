package org.dotchain.hub.signing;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A signature that does not verify, or cannot be embedded: nothing was changed. */
public class SignatureRejectedException extends Refusal {

    private final transient VerificationReport report;

    public SignatureRejectedException(String message) {
        this(message, null);
    }

    public SignatureRejectedException(String message, VerificationReport report) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "signature-rejected", message);
        this.report = report;
    }

    /** With the verification report, where there is one: which check failed. */
    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        if (report != null) {
            problem.setProperty("report", report);
        }
        return problem;
    }

    public VerificationReport getReport() {
        return report;
    }
}

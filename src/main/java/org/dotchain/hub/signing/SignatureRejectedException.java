package org.dotchain.hub.signing;

/** A signature that does not verify, or cannot be embedded: nothing was changed. */
public class SignatureRejectedException extends RuntimeException {

    private final transient VerificationReport report;

    public SignatureRejectedException(String message) {
        this(message, null);
    }

    public SignatureRejectedException(String message, VerificationReport report) {
        super(message);
        this.report = report;
    }

    public VerificationReport getReport() {
        return report;
    }
}

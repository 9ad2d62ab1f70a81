package org.dotchain.hub.signing;

import java.time.Instant;
import java.util.List;

/**
 * What verification found, per signature and for the document as a whole.
 *
 * @param unsignedBytesAfterLastSignature bytes appended after the last signed revision (0 when there are none)
 */
public record VerificationReport(
        Indication indication,
        SubIndication subIndication,
        String message,
        int revisions,
        long unsignedBytesAfterLastSignature,
        List<SignatureResult> signatures) {

    public boolean passed() {
        return indication == Indication.TOTAL_PASSED;
    }

    public enum Check { PASSED, FAILED, NOT_CHECKED }

    /**
     * @param revision          which revision of the PDF the signature covers, from 1
     * @param certificateChain  whether the signer's certificate leads to a trusted one and is valid now
     * @param integrity         whether the signed bytes and the signature value verify
     */
    public record SignatureResult(
            String fieldName,
            String signerName,
            String signerIdentity,
            String signerCertificateSubject,
            String signatureAlgorithm,
            Instant signingTime,
            int revision,
            Check certificateChain,
            Check integrity,
            Indication indication,
            SubIndication subIndication,
            String message) {

        public boolean passed() {
            return indication == Indication.TOTAL_PASSED;
        }
    }
}

package org.dotchain.hub.settlement;

import java.util.Base64;
import org.dotchain.hub.signing.SigningRequest;

/**
 * The hub asks a supplier's system to sign an acceptance certificate:
 * contract connectors/contracts/signing-request-v1.schema.json.
 */
record SigningRequestMessage(String contractVersion, String messageType, String certificateNumber,
                             String requestMessageId, String requestId, String contentDigest, String digestAlgorithm,
                             String documentSha256) {

    static final String TYPE = "SIGNING_REQUEST";

    static SigningRequestMessage of(AcceptanceCertificate certificate, String requestMessageId, SigningRequest request,
                                    String digestAlgorithm) {
        return new SigningRequestMessage("1.0", TYPE, certificate.getCertificateNumber(), requestMessageId,
                request.getId().toString(), Base64.getEncoder().encodeToString(request.getContentDigest()),
                digestAlgorithm, request.getBaseSha256());
    }
}

package org.dotchain.hub.settlement;

import java.util.UUID;

/** A supplier's signature of an acceptance certificate (connectors/contracts/certificate-signature-v1.schema.json). */
public record CertificateSignatureMessage(String contractVersion, String messageId, String messageType,
                                          String certificateNumber, UUID requestId, byte[] cms) {
}

package org.dotchain.hub.settlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * A supplier's request for an acceptance certificate over its signed invoices
 * (connectors/contracts/acceptance-certificate-request-v1.schema.json); the signer's certificate comes as Base64.
 */
public record AcceptanceCertificateRequestMessage(String contractVersion, String messageId, String messageType,
                                                  List<String> invoiceNumbers, BigDecimal total,
                                                  byte[] signerCertificate) {
}

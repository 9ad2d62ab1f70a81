package org.dotchain.hub.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a document says. The ordering and settlement features build one; the document-render route turns it into a
 * PDF. A unit appears by its designation only.
 *
 * @param reference       what the document refers to: the order of an invoice, the invoices of a certificate
 * @param signatureBlocks one per required signer, in signing order
 */
public record DocumentRequest(
        Document.Kind kind,
        String number,
        LocalDate issuedOn,
        String unitDesignation,
        String supplierName,
        String supplierRegistrationCode,
        List<Line> lines,
        String reference,
        LocalDate shipBy,
        List<SignatureBlock> signatureBlocks) {

    public record Line(String productName, String productCode, int quantity, BigDecimal unitPrice,
                       List<String> serialNumbers) {

        public BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** @param field the name of the signature field this signer's signature goes into */
    public record SignatureBlock(String role, String party, String field) {
    }

    public DocumentRequest withSignatureBlocks(List<SignatureBlock> blocks) {
        return new DocumentRequest(kind, number, issuedOn, unitDesignation, supplierName, supplierRegistrationCode,
                lines, reference, shipBy, List.copyOf(blocks));
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

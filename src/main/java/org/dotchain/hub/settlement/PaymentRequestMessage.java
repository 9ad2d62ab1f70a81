package org.dotchain.hub.settlement;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.delivery.ExpenditureInvoiceMessage;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.ordering.PurchaseOrder;

/** A payment-ready certificate for the DPA finance system: contract connectors/contracts/payment-request-v1.schema.json. */
record PaymentRequestMessage(String contractVersion, String messageType, String certificateNumber, String unitCode,
                             Party supplier, String currency, String amount, List<OrderAmount> orders,
                             SignedDocument document) {

    static final String TYPE = "PAYMENT_REQUEST";

    record Party(String code, String name, String registrationCode) {
    }

    record OrderAmount(String orderNumber, String amount) {
    }

    record SignedDocument(String sha256, String pdf) {
    }

    static PaymentRequestMessage of(AcceptanceCertificate certificate, Document signed) {
        var supplier = certificate.getSupplier();
        return new PaymentRequestMessage("1.0", TYPE, certificate.getCertificateNumber(),
                certificate.getUnit().getCode(),
                new Party(supplier.getCode(), supplier.getName(), supplier.getRegistrationCode()), "UAH",
                ExpenditureInvoiceMessage.amount(certificate.getTotal()),
                amountsByOrder(certificate).entrySet().stream().map(entry -> new OrderAmount(
                        entry.getKey().getOrderNumber(),
                        ExpenditureInvoiceMessage.amount(entry.getValue()))).toList(),
                new SignedDocument(signed.getSha256(), Base64.getEncoder().encodeToString(signed.getContent())));
    }

    /** What the certificate pays of each order: the totals of its invoices of that order. */
    static Map<PurchaseOrder, BigDecimal> amountsByOrder(AcceptanceCertificate certificate) {
        Map<PurchaseOrder, BigDecimal> amounts = new LinkedHashMap<>();
        certificate.getInvoices().forEach(invoice -> amounts.merge(invoice.getOrder(), invoice.getTotal(),
                BigDecimal::add));
        return amounts;
    }
}

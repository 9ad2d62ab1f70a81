package org.dotchain.hub.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A signed expenditure invoice, told to its supplier: contract connectors/contracts/expenditure-invoice-v1.schema.json. */
public record ExpenditureInvoiceMessage(String contractVersion, String messageType, String invoiceNumber, String orderNumber,
                                 String unitCode, Instant signedAt, String total, List<Line> lines) {

    static final String TYPE = "EXPENDITURE_INVOICE";

    record Line(int lineNumber, String productCode, int quantity, String amount) {
    }

    static ExpenditureInvoiceMessage of(ExpenditureInvoice invoice) {
        return new ExpenditureInvoiceMessage("1.0", TYPE, invoice.getInvoiceNumber(),
                invoice.getOrder().getOrderNumber(), invoice.getOrder().getUnit().getCode(), invoice.getSignedAt(),
                amount(invoice.getTotal()), invoice.getLines().stream().map(line -> new Line(
                        line.getOrderLine().getLineNumber(), line.getOrderLine().getProductCode(), line.getQuantity(),
                        amount(line.getAmount()))).toList());
    }

    public static String amount(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}

package org.dotchain.hub.ordering;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as a supplier receives it: contract connectors/contracts/order-v1.schema.json. */
public record OrderMessage(
        String contractVersion,
        String messageType,
        String orderNumber,
        Instant issuedAt,
        Buyer buyer,
        SupplierParty supplier,
        LocalDate shipBy,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
        List<Line> lines) {

    public static final String CONTRACT_VERSION = "1.0";
    public static final String TYPE = "ORDER";

    public record Buyer(String unitCode, String designation) {
    }

    public record SupplierParty(String code, String name, String registrationCode) {
    }

    public record Line(
            int lineNumber,
            String productCode,
            String productName,
            int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineAmount) {
    }

    static OrderMessage of(PurchaseOrder order, Instant issuedAt) {
        var supplier = order.getSupplier();
        return new OrderMessage(CONTRACT_VERSION, TYPE, order.getOrderNumber(), issuedAt,
                new Buyer(order.getUnit().getCode(), order.getUnit().getDesignation()),
                new SupplierParty(supplier.getCode(), supplier.getName(), supplier.getRegistrationCode()),
                order.getShipBy(), "UAH", order.getTotal(),
                order.getLines().stream()
                        .map(line -> new Line(line.getLineNumber(), line.getProductCode(), line.getProductName(),
                                line.getQuantity(), line.getUnitPrice(), line.getAmount()))
                        .toList());
    }
}

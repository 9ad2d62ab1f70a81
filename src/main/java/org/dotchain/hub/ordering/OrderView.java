package org.dotchain.hub.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as its unit tracks it: status and history, and per line what was ordered, shipped and received. */
public record OrderView(
        String orderNumber,
        OrderKind kind,
        OrderStatus status,
        String supplierCode,
        String supplierName,
        String createdBy,
        BigDecimal total,
        String currency,
        LocalDate requiredBy,
        LocalDate promisedBy,
        LocalDate shipBy,
        LocalDate overdueSince,
        String declineReason,
        Long documentId,
        Instant createdAt,
        List<Line> lines,
        List<Change> history) {

    public record Line(int lineNumber, String productCode, String productName, int ordered, long shipped,
                       long received, BigDecimal unitPrice, BigDecimal amount, LocalDate expectedBy) {
    }

    public record Change(OrderStatus from, OrderStatus to, String reason, Instant at) {
    }
}

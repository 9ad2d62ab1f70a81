package org.dotchain.hub.ordering;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A pre-order as a supplier receives it: contract connectors/contracts/pre-order-request-v1.schema.json. */
public record PreOrderRequestMessage(
        String contractVersion,
        String messageType,
        String orderNumber,
        Instant issuedAt,
        OrderMessage.Buyer buyer,
        OrderMessage.SupplierParty supplier,
        LocalDate requiredBy,
        LocalDate answerBy,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
        List<OrderMessage.Line> lines) {

    public static final String TYPE = "PRE_ORDER_REQUEST";

    static PreOrderRequestMessage of(PurchaseOrder preOrder, Instant issuedAt) {
        OrderMessage order = OrderMessage.of(preOrder, issuedAt);
        return new PreOrderRequestMessage(OrderMessage.CONTRACT_VERSION, TYPE, order.orderNumber(), issuedAt,
                order.buyer(), order.supplier(), preOrder.getRequiredBy(), preOrder.getAnswerDueBy(), "UAH",
                preOrder.getTotal(), order.lines());
    }
}

package org.dotchain.hub.ordering;

import java.time.Instant;

/** An order or pre-order the hub withdraws: contract connectors/contracts/cancellation-v1.schema.json. */
public record CancellationMessage(String contractVersion, String messageType, String orderNumber, Instant issuedAt,
                                  String reason) {

    public static final String TYPE = "CANCELLATION";

    static CancellationMessage of(PurchaseOrder order, Instant issuedAt, String reason) {
        return new CancellationMessage(OrderMessage.CONTRACT_VERSION, TYPE, order.getOrderNumber(), issuedAt, reason);
    }
}

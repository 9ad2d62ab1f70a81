package org.dotchain.hub.ordering;

/** A supplier's answer to an order (connectors/contracts/order-response-v1.schema.json). */
public record OrderResponseMessage(String contractVersion, String messageId, String messageType, String orderNumber,
                                   String responseCode, String reason) {
}

package org.dotchain.hub.ordering;

import java.time.LocalDate;

/** A supplier's answer to a pre-order request (connectors/contracts/pre-order-answer-v1.schema.json). */
public record PreOrderAnswerMessage(String contractVersion, String messageId, String messageType, String orderNumber,
                                    boolean canProduce, LocalDate deliveryDate, String reason) {
}

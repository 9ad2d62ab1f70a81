package org.dotchain.hub.settlement;

/** The DPA finance system took a payment request, or refused it (payment-acknowledgement-v1.schema.json). */
public record PaymentAcknowledgementMessage(String contractVersion, String messageId, String messageType,
                                            String certificateNumber, String status, String reason) {
}

package org.dotchain.hub.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The DPA finance system paid a certificate (connectors/contracts/payment-confirmation-v1.schema.json). */
public record PaymentConfirmationMessage(String contractVersion, String messageId, String messageType,
                                         String certificateNumber, String paymentReference, BigDecimal amount,
                                         LocalDate paidOn) {
}

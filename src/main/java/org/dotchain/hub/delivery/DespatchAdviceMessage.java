package org.dotchain.hub.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a supplier shipped, line by line with serial numbers (connectors/contracts/despatch-advice-v1.schema.json). */
public record DespatchAdviceMessage(String contractVersion, String messageId, String messageType, String orderNumber,
                                    String despatchNumber, Instant despatchedAt, LocalDate expectedArrival,
                                    List<Despatches.DespatchedLine> lines) {
}

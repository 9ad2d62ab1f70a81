package org.dotchain.hub.delivery;

import java.time.Instant;
import java.util.List;

/** An order closed short: connectors/contracts/order-closure-v1.schema.json. */
public record OrderClosureMessage(String contractVersion, String messageType, String orderNumber, Instant issuedAt,
                                  String reason, List<Line> lines) {

    public static final String TYPE = "ORDER_CLOSURE";

    public record Line(int lineNumber, String productCode, int ordered, int delivered, int withdrawn) {
    }
}

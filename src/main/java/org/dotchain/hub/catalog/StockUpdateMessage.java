package org.dotchain.hub.catalog;

import java.util.List;

/** A supplier's stock and prices now (connectors/contracts/stock-update-v1.schema.json). */
public record StockUpdateMessage(String contractVersion, String messageId, String messageType,
                                 List<StockUpdates.ProductStock> products) {
}

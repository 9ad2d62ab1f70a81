package org.dotchain.hub.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** A supplier's catalogue offer (connectors/contracts/catalog-offer-v1.schema.json). */
public record CatalogOfferMessage(String contractVersion, String messageId, String messageType, String offerNumber,
                                  String productCode, String name, String productType, String description,
                                  BigDecimal unitPrice, int leadTimeDays, Map<String, Object> specifications) {

    public static final String TYPE = "CATALOG_OFFER";
}

package org.dotchain.hub.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The DPA's decision on a catalogue offer (connectors/contracts/catalog-offer-answer-v1.schema.json). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogOfferAnswerMessage(String contractVersion, String messageType, String offerNumber,
                                        String productCode, String decision, String reason, Integer priceVersion,
                                        Instant decidedAt) {

    public static final String TYPE = "CATALOG_OFFER_ANSWER";

    static CatalogOfferAnswerMessage of(CatalogOffer offer, Integer priceVersion) {
        return new CatalogOfferAnswerMessage("1.0", TYPE, offer.getOfferNumber(), offer.getProductCode(),
                offer.answerDecision(), offer.getStatus() == CatalogOffer.Status.APPROVED ? null : offer.getReason(),
                priceVersion, offer.getDecidedAt());
    }
}

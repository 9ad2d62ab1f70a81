package org.dotchain.hub.catalog;

import org.dotchain.hub.messaging.InboundMessageType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suppliers' stock updates and catalogue offers. */
@Configuration(proxyBeanMethods = false)
class CatalogInbound {

    @Bean
    InboundMessageType<StockUpdateMessage> stockUpdate(StockUpdates stock) {
        return InboundMessageType.fromSuppliers("STOCK_UPDATE", "stock-update-v1.schema.json",
                StockUpdateMessage.class,
                (supplier, message) -> stock.apply(supplier, message.messageId(), message.products()));
    }

    @Bean
    InboundMessageType<CatalogOfferMessage> catalogOffer(CatalogOffers offers) {
        return InboundMessageType.fromSuppliers(CatalogOfferMessage.TYPE, "catalog-offer-v1.schema.json",
                CatalogOfferMessage.class, (supplier, message) -> offers.receive(supplier, new CatalogOffers.Offer(
                        message.offerNumber(), message.productCode(), message.name(), message.productType(),
                        message.description(), message.unitPrice(), message.leadTimeDays(),
                        message.specifications())));
    }
}

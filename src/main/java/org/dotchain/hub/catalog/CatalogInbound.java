package org.dotchain.hub.catalog;

import org.dotchain.hub.messaging.InboundMessageType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suppliers' stock updates. */
@Configuration(proxyBeanMethods = false)
class CatalogInbound {

    @Bean
    InboundMessageType<StockUpdateMessage> stockUpdate(StockUpdates stock) {
        return InboundMessageType.fromSuppliers("STOCK_UPDATE", "stock-update-v1.schema.json",
                StockUpdateMessage.class, (supplier, message) -> stock.apply(supplier, message.products()));
    }
}

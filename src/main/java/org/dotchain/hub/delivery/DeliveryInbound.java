package org.dotchain.hub.delivery;

import org.dotchain.hub.messaging.InboundMessageType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suppliers' despatch advice. */
@Configuration(proxyBeanMethods = false)
class DeliveryInbound {

    @Bean
    InboundMessageType<DespatchAdviceMessage> despatchAdvice(Despatches despatches) {
        return InboundMessageType.fromSuppliers("DESPATCH_ADVICE", "despatch-advice-v1.schema.json",
                DespatchAdviceMessage.class, (supplier, message) -> despatches.record(message.orderNumber(), supplier,
                        message.despatchNumber(), message.despatchedAt(), message.expectedArrival(), message.lines()));
    }
}

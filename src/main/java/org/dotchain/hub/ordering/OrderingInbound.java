package org.dotchain.hub.ordering;

import org.dotchain.hub.messaging.InboundMessageType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The suppliers' messages that move orders: order responses and pre-order answers. */
@Configuration(proxyBeanMethods = false)
class OrderingInbound {

    @Bean
    InboundMessageType<OrderResponseMessage> orderResponse(SupplierOrderResponses responses) {
        return InboundMessageType.fromSuppliers("ORDER_RESPONSE", "order-response-v1.schema.json",
                OrderResponseMessage.class, (supplier, message) -> responses.respond(message.orderNumber(), supplier,
                        message.responseCode(), message.reason()));
    }

    @Bean
    InboundMessageType<PreOrderAnswerMessage> preOrderAnswer(PreOrderAnswers preOrders) {
        return InboundMessageType.fromSuppliers("PRE_ORDER_ANSWER", "pre-order-answer-v1.schema.json",
                PreOrderAnswerMessage.class, (supplier, message) -> preOrders.answer(message.orderNumber(), supplier,
                        message.canProduce(), message.deliveryDate(), message.reason()));
    }
}

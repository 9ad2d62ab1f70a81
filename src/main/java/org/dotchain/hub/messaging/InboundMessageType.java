package org.dotchain.hub.messaging;

import java.util.function.BiConsumer;

/**
 * A kind of message the hub takes from its partners: its messageType, who may send it, the JSON Schema of its
 * contract in connectors/contracts/, the record Jackson binds it to, and what it does. Each feature declares the
 * messages it takes as beans of this type; the inbound pipeline finds them by messageType.
 *
 * @param handler the message's effect, given the code of the partner that sent it, as its transport authenticated it
 */
public record InboundMessageType<M>(String messageType, PartnerKind sender, String contract, Class<M> record,
                                    BiConsumer<String, M> handler) {

    public static <M> InboundMessageType<M> fromSuppliers(String messageType, String contract, Class<M> record,
                                                          BiConsumer<String, M> handler) {
        return new InboundMessageType<>(messageType, PartnerKind.SUPPLIER, contract, record, handler);
    }

    public static <M> InboundMessageType<M> fromFinance(String messageType, String contract, Class<M> record,
                                                        BiConsumer<String, M> handler) {
        return new InboundMessageType<>(messageType, PartnerKind.FINANCE, contract, record, handler);
    }

    public void apply(String partner, Object message) {
        handler.accept(partner, record.cast(message));
    }
}

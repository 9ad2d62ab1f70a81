package org.dotchain.hub.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.dotchain.contracts.suppliermessages.v1.Cancellation;
import org.dotchain.contracts.suppliermessages.v1.DespatchAdvice;
import org.dotchain.contracts.suppliermessages.v1.Order;
import org.dotchain.contracts.suppliermessages.v1.OrderResponse;
import org.dotchain.contracts.suppliermessages.v1.PreOrderAnswer;
import org.dotchain.contracts.suppliermessages.v1.PreOrderRequest;
import org.dotchain.contracts.suppliermessages.v1.StockUpdate;

/**
 * A message of the SOAP contract (supplier-messages-v1.xsd) to the JSON message of the same contract version and
 * back. The XML types carry the JSON fields under the same names; the message type is the XML type's, the version
 * the namespace's.
 */
public final class SoapMessages {

    public static final String CONTRACT_VERSION = "1.0";

    private static final Map<Class<?>, String> TYPES = Map.of(
            Order.class, "ORDER",
            PreOrderRequest.class, "PRE_ORDER_REQUEST",
            Cancellation.class, "CANCELLATION",
            OrderResponse.class, "ORDER_RESPONSE",
            PreOrderAnswer.class, "PRE_ORDER_ANSWER",
            DespatchAdvice.class, "DESPATCH_ADVICE",
            StockUpdate.class, "STOCK_UPDATE");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private SoapMessages() {
    }

    /** The JSON message of a SOAP message, with its contract version and message type. */
    public static String toJson(Object message) {
        String type = TYPES.get(message.getClass());
        if (type == null) {
            throw new InvalidSupplierMessageException("Not a message of the contract: " + message.getClass().getName());
        }
        ObjectNode node = JSON.createObjectNode()
                .put("contractVersion", CONTRACT_VERSION)
                .put("messageType", type);
        node.setAll((ObjectNode) JSON.valueToTree(message));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A contract type always writes as JSON", e);
        }
    }

    /** The SOAP message of a JSON message of the hub's, with the message id the hub gave it. */
    public static Object fromJson(String message, String messageId) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(message);
            String type = node.path("messageType").asText();
            Class<?> target = TYPES.entrySet().stream().filter(entry -> entry.getValue().equals(type))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No SOAP message for messageType " + type));
            node.remove("contractVersion");
            node.remove("messageType");
            node.put("messageId", messageId);
            return JSON.treeToValue(node, target);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON message: " + e.getOriginalMessage(), e);
        }
    }
}

package org.dotchain.hub.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.dotchain.hub.messaging.InboundMessageType;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.messaging.PartnerKind;
import org.dotchain.hub.partners.Partner;
import org.dotchain.hub.partners.Partners;
import org.dotchain.hub.platform.InvalidMessageException;
import org.dotchain.hub.platform.StrictJson;
import org.dotchain.hub.platform.TextHygiene;
import org.springframework.stereotype.Component;

/**
 * The steps of the inbound pipeline (routes/partner-inbound.camel.yaml) that know messages: a message read once,
 * its contract found by its messageType among those its partner's kind may send, and, once valid and new, bound to
 * its record and handed to the feature that declared it.
 */
@Component("partnerInbox")
public class PartnerInbox {

    /** The exchange property that holds the message as read. */
    static final String MESSAGE = "hubMessage";
    private static final List<String> CORRELATING_FIELDS = List.of("orderNumber", "certificateNumber", "offerNumber");

    private final ObjectMapper json;
    private final Partners partners;
    private final Map<PartnerKind, Map<String, InboundMessageType<?>>> types = new TreeMap<>();

    PartnerInbox(ObjectMapper json, Partners partners, List<InboundMessageType<?>> types) {
        this.json = StrictJson.forContracts(json);
        this.partners = partners;
        for (InboundMessageType<?> type : types) {
            this.types.computeIfAbsent(type.sender(), kind -> new TreeMap<>()).put(type.messageType(), type);
        }
    }

    /** The message as JSON, read once per exchange into the property hubMessage. */
    public JsonNode read(@Body String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node == null || !node.isObject()) {
                throw new InvalidMessageException("The message is not a JSON object");
            }
            TextHygiene.firstUnclean(node).ifPresent(field -> {
                throw new InvalidMessageException("'" + field + "' " + TextHygiene.BROKEN);
            });
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("The message is not one JSON document");
        }
    }

    /** The contract a message must meet; a type its partner may not send is refused before anything else. */
    public String contractOf(@ExchangeProperty(MESSAGE) JsonNode message, @Header(PartnerHeaders.PARTNER) String partner) {
        return typeOf(message, partner).contract();
    }

    public String messageIdOf(@ExchangeProperty(MESSAGE) JsonNode message) {
        return message.path("messageId").asText();
    }

    /**
     * What the message is about, for the logs and the operator's trace: its order, else its certificate, else its
     * offer; none for a message about no one thing (a stock update).
     */
    public String correlationOf(@ExchangeProperty(MESSAGE) JsonNode message) {
        for (String reference : CORRELATING_FIELDS) {
            if (message.path(reference).isTextual()) {
                return message.path(reference).asText();
            }
        }
        return null;
    }

    /** The message's effect, for the partner that sent it only. */
    public void apply(@ExchangeProperty(MESSAGE) JsonNode message, @Header(PartnerHeaders.PARTNER) String partner) {
        InboundMessageType<?> type = typeOf(message, partner);
        Object record;
        try {
            record = json.treeToValue(message, type.record());
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("The message does not fit its contract" + fieldOf(e));
        }
        type.apply(partner, record);
    }

    /** Which field does not fit, as the contract names it, never the parser's words (which name Java types). */
    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ": '" + mapping.getPath().stream().map(step -> step.getFieldName() != null ? step.getFieldName()
                    : "[" + step.getIndex() + "]").collect(Collectors.joining(".")) + "' is not what it says";
        }
        return "";
    }

    private InboundMessageType<?> typeOf(JsonNode message, String partner) {
        PartnerKind kind = Optional.ofNullable(partner).flatMap(partners::find).map(Partner::getKind)
                .orElseThrow(() -> new PartnerAuthenticationException("The message is not from a partner of the hub"));
        Map<String, InboundMessageType<?>> known = types.getOrDefault(kind, Map.of());
        String messageType = message.path("messageType").asText("");
        InboundMessageType<?> type = known.get(messageType);
        if (type == null) {
            throw new InvalidMessageException("Unknown messageType '" + messageType + "'; expected one of "
                    + known.keySet());
        }
        return type;
    }
}

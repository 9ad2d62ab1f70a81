package org.dotchain.hub.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.dotchain.hub.settlement.Payments;
import org.springframework.stereotype.Component;

/** The DPA finance system's messages, once signed, valid against their contract and seen for the first time. */
@Component("financeInbox")
public class FinanceInbox {

    static final Map<String, String> CONTRACTS = Map.of(
            "PAYMENT_ACKNOWLEDGEMENT", "payment-acknowledgement-v1.schema.json",
            "PAYMENT_CONFIRMATION", "payment-confirmation-v1.schema.json");

    private final ObjectMapper json;
    private final Payments payments;

    FinanceInbox(ObjectMapper json, Payments payments) {
        this.json = json;
        this.payments = payments;
    }

    public JsonNode read(@Body String message) {
        return SupplierInbox.read(json, message);
    }

    public String contractOf(@ExchangeProperty(SupplierInbox.MESSAGE) JsonNode message) {
        return SupplierInbox.contractOf(message, CONTRACTS);
    }

    public String messageIdOf(@ExchangeProperty(SupplierInbox.MESSAGE) JsonNode message) {
        return message.path("messageId").asText();
    }

    public void apply(@ExchangeProperty(SupplierInbox.MESSAGE) JsonNode node) {
        String certificate = node.get("certificateNumber").asText();
        switch (node.get("messageType").asText()) {
            case "PAYMENT_ACKNOWLEDGEMENT" -> payments.acknowledge(certificate,
                    node.get("status").asText().equals("RECEIVED"), node.path("reason").asText(null));
            case "PAYMENT_CONFIRMATION" -> payments.confirm(certificate, node.get("paymentReference").asText(),
                    new BigDecimal(node.get("amount").asText()), LocalDate.parse(node.get("paidOn").asText()));
            default -> throw new InvalidSupplierMessageException("Unknown messageType");
        }
    }
}

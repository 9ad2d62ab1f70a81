package org.dotchain.hub.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.dotchain.hub.catalog.StockUpdates;
import org.dotchain.hub.delivery.Despatches;
import org.dotchain.hub.messaging.SupplierHeaders;
import org.dotchain.hub.ordering.PreOrderAnswers;
import org.dotchain.hub.ordering.SupplierOrderResponses;
import org.dotchain.hub.settlement.AcceptanceCertificates;
import org.springframework.stereotype.Component;

/**
 * What the canonical inbound route does with a supplier's message once it is authenticated, valid against its
 * contract and seen for the first time: the domain transition the message asks for, for that supplier only.
 */
@Component("supplierInbox")
public class SupplierInbox {

    /** Message type to its contract in connectors/contracts/. */
    /** The exchange property that holds the message as read. */
    static final String MESSAGE = "hubMessage";

    static final Map<String, String> CONTRACTS = Map.of(
            "ORDER_RESPONSE", "order-response-v1.schema.json",
            "PRE_ORDER_ANSWER", "pre-order-answer-v1.schema.json",
            "DESPATCH_ADVICE", "despatch-advice-v1.schema.json",
            "STOCK_UPDATE", "stock-update-v1.schema.json",
            "ACCEPTANCE_CERTIFICATE_REQUEST", "acceptance-certificate-request-v1.schema.json",
            "CERTIFICATE_SIGNATURE", "certificate-signature-v1.schema.json");

    private final ObjectMapper json;
    private final SupplierOrderResponses responses;
    private final PreOrderAnswers preOrders;
    private final Despatches despatches;
    private final StockUpdates stock;
    private final AcceptanceCertificates certificates;

    SupplierInbox(ObjectMapper json, SupplierOrderResponses responses, PreOrderAnswers preOrders,
                  Despatches despatches, StockUpdates stock, AcceptanceCertificates certificates) {
        this.json = json;
        this.responses = responses;
        this.preOrders = preOrders;
        this.despatches = despatches;
        this.stock = stock;
        this.certificates = certificates;
    }

    /** The contract a message must meet, by its messageType; an unknown type is refused before anything else. */
    public String contractOf(@ExchangeProperty(MESSAGE) JsonNode message) {
        return contractOf(message, CONTRACTS);
    }

    static String contractOf(JsonNode message, Map<String, String> contracts) {
        String type = message.path("messageType").asText("");
        String contract = contracts.get(type);
        if (contract == null) {
            throw new InvalidSupplierMessageException("Unknown messageType '" + type + "'; expected one of "
                    + contracts.keySet());
        }
        return contract;
    }

    public String messageIdOf(@ExchangeProperty(MESSAGE) JsonNode message) {
        return message.path("messageId").asText();
    }

    public void apply(@ExchangeProperty(MESSAGE) JsonNode node,
                      @Header(SupplierHeaders.SUPPLIER) String supplierCode) {
        String orderNumber = node.path("orderNumber").asText(null);
        switch (node.get("messageType").asText()) {
            case "ORDER_RESPONSE" -> responses.respond(orderNumber, supplierCode, node.get("responseCode").asText(),
                    node.path("reason").asText(null));
            case "PRE_ORDER_ANSWER" -> preOrders.answer(orderNumber, supplierCode, node.get("canProduce").asBoolean(),
                    node.hasNonNull("deliveryDate") ? LocalDate.parse(node.get("deliveryDate").asText()) : null,
                    node.path("reason").asText(null));
            case "DESPATCH_ADVICE" -> {
                List<Despatches.DespatchedLine> lines = new ArrayList<>();
                for (JsonNode line : node.get("lines")) {
                    List<String> serials = new ArrayList<>();
                    line.get("serialNumbers").forEach(serial -> serials.add(serial.asText()));
                    lines.add(new Despatches.DespatchedLine(line.get("lineNumber").asInt(), line.get("quantity").asInt(),
                            serials));
                }
                despatches.record(orderNumber, supplierCode, node.get("despatchNumber").asText(),
                        Instant.parse(node.get("despatchedAt").asText()),
                        LocalDate.parse(node.get("expectedArrival").asText()), lines);
            }
            case "STOCK_UPDATE" -> {
                List<StockUpdates.ProductStock> updates = new ArrayList<>();
                for (JsonNode product : node.get("products")) {
                    updates.add(new StockUpdates.ProductStock(product.get("productCode").asText(),
                            product.get("stock").asInt(),
                            product.hasNonNull("unitPrice") ? new BigDecimal(product.get("unitPrice").asText()) : null));
                }
                stock.apply(supplierCode, updates);
            }
            case "ACCEPTANCE_CERTIFICATE_REQUEST" -> {
                List<String> invoices = new ArrayList<>();
                node.get("invoiceNumbers").forEach(invoice -> invoices.add(invoice.asText()));
                certificates.prepare(supplierCode, node.get("messageId").asText(), invoices,
                        new BigDecimal(node.get("total").asText()), base64(node, "signerCertificate"));
            }
            case "CERTIFICATE_SIGNATURE" -> certificates.sign(supplierCode, node.get("certificateNumber").asText(),
                    UUID.fromString(node.get("requestId").asText()), base64(node, "cms"));
            default -> throw new InvalidSupplierMessageException("Unknown messageType");
        }
    }

    private static byte[] base64(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(node.get(field).asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidSupplierMessageException(field + " is not Base64");
        }
    }

    /** The message as JSON, read once per exchange into the property hubMessage. */
    public JsonNode read(@Body String message) {
        return read(json, message);
    }

    static JsonNode read(ObjectMapper json, String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node == null || !node.isObject()) {
                throw new InvalidSupplierMessageException("The message is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidSupplierMessageException("The message is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

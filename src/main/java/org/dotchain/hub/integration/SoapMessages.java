package org.dotchain.hub.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.MessageContentsList;
import org.dotchain.contracts.suppliermessages.v1.AcceptanceCertificateRequest;
import org.dotchain.contracts.suppliermessages.v1.Acknowledgement;
import org.dotchain.contracts.suppliermessages.v1.Cancellation;
import org.dotchain.contracts.suppliermessages.v1.CatalogOffer;
import org.dotchain.contracts.suppliermessages.v1.CatalogOfferAnswer;
import org.dotchain.contracts.suppliermessages.v1.CertificateSignature;
import org.dotchain.contracts.suppliermessages.v1.DespatchAdvice;
import org.dotchain.contracts.suppliermessages.v1.ExpenditureInvoice;
import org.dotchain.contracts.suppliermessages.v1.Order;
import org.dotchain.contracts.suppliermessages.v1.OrderClosure;
import org.dotchain.contracts.suppliermessages.v1.OrderResponse;
import org.dotchain.contracts.suppliermessages.v1.PreOrderAnswer;
import org.dotchain.contracts.suppliermessages.v1.PreOrderRequest;
import org.dotchain.contracts.suppliermessages.v1.SigningRequest;
import org.dotchain.contracts.suppliermessages.v1.StockUpdate;
import org.dotchain.hub.platform.InvalidMessageException;

/**
 * A message of the SOAP contract (supplier-messages-v1.xsd) to the JSON message of the same contract version and
 * back. The XML types carry the JSON fields under the same names; the message type is the XML type's, the version
 * the namespace's.
 */
public final class SoapMessages {

    public static final String CONTRACT_VERSION = "1.0";
    public static final String NAMESPACE = "https://dotchain.org/contracts/supplier-messages/v1";
    static final String WSDL = "classpath:connectors/contracts/supplier-messages-v1.wsdl";

    private static final Map<Class<?>, String> TYPES = Map.ofEntries(
            Map.entry(Order.class, "ORDER"),
            Map.entry(PreOrderRequest.class, "PRE_ORDER_REQUEST"),
            Map.entry(Cancellation.class, "CANCELLATION"),
            Map.entry(ExpenditureInvoice.class, "EXPENDITURE_INVOICE"),
            Map.entry(SigningRequest.class, "SIGNING_REQUEST"),
            Map.entry(OrderResponse.class, "ORDER_RESPONSE"),
            Map.entry(PreOrderAnswer.class, "PRE_ORDER_ANSWER"),
            Map.entry(DespatchAdvice.class, "DESPATCH_ADVICE"),
            Map.entry(StockUpdate.class, "STOCK_UPDATE"),
            Map.entry(AcceptanceCertificateRequest.class, "ACCEPTANCE_CERTIFICATE_REQUEST"),
            Map.entry(CertificateSignature.class, "CERTIFICATE_SIGNATURE"),
            Map.entry(CatalogOffer.class, "CATALOG_OFFER"),
            Map.entry(CatalogOfferAnswer.class, "CATALOG_OFFER_ANSWER"),
            Map.entry(OrderClosure.class, "ORDER_CLOSURE"));

    /** The operation that carries each message: HubOrders' for the hub's, SupplierMessages' for a supplier's. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("ORDER", "receiveOrder"),
            Map.entry("PRE_ORDER_REQUEST", "receivePreOrderRequest"),
            Map.entry("CANCELLATION", "receiveCancellation"),
            Map.entry("EXPENDITURE_INVOICE", "receiveExpenditureInvoice"),
            Map.entry("SIGNING_REQUEST", "receiveSigningRequest"),
            Map.entry("ORDER_RESPONSE", "submitOrderResponse"),
            Map.entry("PRE_ORDER_ANSWER", "submitPreOrderAnswer"),
            Map.entry("DESPATCH_ADVICE", "submitDespatchAdvice"),
            Map.entry("STOCK_UPDATE", "submitStockUpdate"),
            Map.entry("ACCEPTANCE_CERTIFICATE_REQUEST", "submitAcceptanceCertificateRequest"),
            Map.entry("CERTIFICATE_SIGNATURE", "submitCertificateSignature"),
            Map.entry("CATALOG_OFFER", "submitCatalogOffer"),
            Map.entry("CATALOG_OFFER_ANSWER", "receiveCatalogOfferAnswer"),
            Map.entry("ORDER_CLOSURE", "receiveOrderClosure"));

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private SoapMessages() {
    }

    /**
     * The Camel CXF endpoint of one of the contract's services (SupplierMessages or HubOrders) at an address, in POJO
     * mode, its requests signed with (or checked against) the supplier's key by {@link SoapSignatures}; a server
     * also validates each request against the XSD.
     */
    public static String endpoint(String address, Class<?> service, String supplier) {
        String name = service.getSimpleName();
        return "cxf:" + address + "?serviceClass=" + service.getName() + "&wsdlURL=" + WSDL
                + "&serviceName={" + NAMESPACE + "}" + name + "Service&endpointName={" + NAMESPACE + "}" + name + "Port"
                + "&schemaValidationEnabled=true&cxfConfigurer=#soapSignatures"
                + "&properties." + SoapSignatures.PARTNER_PROPERTY + "=" + supplier;
    }

    /** The JSON message of a SOAP message, with its contract version and message type. */
    public static String toJson(Object message) {
        String type = TYPES.get(message.getClass());
        if (type == null) {
            throw new InvalidMessageException("Not a message of the contract: " + message.getClass().getName());
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

    /** The operation of the contract's services that carries a message. */
    public static String operationOf(Object message) {
        return OPERATIONS.get(TYPES.get(message.getClass()));
    }

    /** A SOAP request's message, as the JSON message of the same contract. */
    public static void requestToJson(Exchange exchange) {
        MessageContentsList request = exchange.getIn().getBody(MessageContentsList.class);
        if (request == null || request.isEmpty() || request.get(0) == null) {
            // an empty soap:Body, or one that CXF read as no operation's message
            throw new InvalidMessageException("The request carries no message of the service's operations");
        }
        exchange.getIn().setBody(toJson(request.get(0)));
    }

    /**
     * A JSON message as the SOAP request that carries it, with the operation to call. The message id is the header
     * hubMessageId where there is one (the hub's messages carry it beside the JSON), else the message's own.
     */
    public static void jsonToRequest(Exchange exchange) {
        Object message = fromJson(exchange.getIn().getBody(String.class),
                exchange.getIn().getHeader("hubMessageId", String.class));
        exchange.getIn().setBody(message);
        exchange.getIn().setHeader(CxfConstants.OPERATION_NAME, operationOf(message));
    }

    /** The answer to a SOAP request that was taken: accepted, or duplicate (applied before, nothing changes). */
    public static Acknowledgement acknowledgement(String messageId, String status) {
        Acknowledgement acknowledgement = new Acknowledgement();
        acknowledgement.setMessageId(messageId);
        acknowledgement.setStatus(status == null ? "accepted" : status);
        return acknowledgement;
    }

    /** The SOAP message of a JSON message, with the message id given, or else its own. */
    public static Object fromJson(String message, String messageId) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(message);
            String type = node.path("messageType").asText();
            Class<?> target = TYPES.entrySet().stream().filter(entry -> entry.getValue().equals(type))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No SOAP message for messageType " + type));
            node.remove("contractVersion");
            node.remove("messageType");
            if (messageId != null) {
                node.put("messageId", messageId);
            }
            return JSON.treeToValue(node, target);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON message: " + e.getOriginalMessage(), e);
        }
    }
}

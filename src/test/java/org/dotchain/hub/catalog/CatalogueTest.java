package org.dotchain.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Suppliers offer products and prices through their connectors, over every transport; the DPA approves them within
 * the framework agreement or rejects them with a reason, and the supplier hears the decision. Prices are versioned:
 * an order keeps its price, a cart asks to confirm a new one.
 */
@HubIntegrationTest
class CatalogueTest {

    static final String NS = "https://dotchain.org/contracts/supplier-messages/v1";

    @Autowired
    ApiClient api;
    @Autowired
    SupplierConnections connections;
    @Autowired
    ConnectionFactory hubConnections;
    @Autowired
    TestRestTemplate http;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @Test
    void anOfferOverEachTransportWaitsForTheDpaWhoseDecisionGoesBackToTheSupplier() throws Exception {
        ApiClient.As admin = api.as("dpa.admin");
        String suffix = suffix();
        String overJms = "SKF-J" + suffix;
        String overRest = "STP-R" + suffix;
        String overSoap = "VRY-S" + suffix;

        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.setReceiveTimeout(10_000);
        skyforge.send("supplier.skyforge.inbound", session -> session.createTextMessage(
                offerJson("OFF-" + overJms, overJms, "FPV", "20000.00")));
        String restOffer = offerJson("OFF-" + overRest, overRest, "FPV", "60000.00");
        ResponseEntity<JsonNode> rest = postRest("steppe", restOffer);
        assertThat(rest.getStatusCode().is2xxSuccessful()).as("%s", rest.getBody()).isTrue();
        String envelope = envelope(offerXml("OFF-" + overSoap, overSoap, "RECON", "150000.00"));
        ResponseEntity<String> soap = postSoap(envelope);
        assertThat(soap.getStatusCode()).as(soap.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(soap.getBody()).contains("<status>accepted</status>");

        await().atMost(Duration.ofSeconds(10)).until(() -> pending(admin, overJms) != null);
        JsonNode jmsOffer = pending(admin, overJms);
        JsonNode restPending = pending(admin, overRest);
        JsonNode soapPending = pending(admin, overSoap);
        assertThat(jmsOffer.path("newProduct").asBoolean()).isTrue();
        assertThat(jmsOffer.path("priceCeiling").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(soapPending.at("/specifications/frequencyBands/0").asText()).isEqualTo("2.4 GHz");
        assertThat(soapPending.at("/specifications/payloadKg").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(api.as("orderer.a1001").get("/api/products/" + overJms).getStatusCode())
                .as("not on the showcase before the DPA approves").isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode approved = admin.post("/api/admin/catalog/offers/" + jmsOffer.path("id").asLong() + "/approval",
                null).getBody();
        assertThat(approved.path("status").asText()).as("%s", approved).isEqualTo("APPROVED");
        JsonNode card = api.as("orderer.a1001").get("/api/products/" + overJms).getBody();
        assertThat(card.path("offered").asBoolean()).isTrue();
        assertThat(card.path("unitPrice").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(card.at("/specifications/camera").asText()).isEqualTo("CMOS 1200TVL analogue");
        Message answer = skyforge.receiveSelected("supplier.skyforge.orders",
                "hubMessageType = 'CATALOG_OFFER_ANSWER' and JMSCorrelationID = 'OFF-" + overJms + "'");
        assertThat(answer).as("the answer on the supplier's queue").isNotNull();
        JsonNode body = json.readTree(((TextMessage) answer).getText());
        assertThat(body.path("decision").asText()).isEqualTo("APPROVED");
        assertThat(body.path("priceVersion").asInt()).isEqualTo(1);

        String above = "/api/admin/catalog/offers/" + restPending.path("id").asLong();
        ResponseEntity<JsonNode> tooDear = admin.post(above + "/approval", null);
        assertProblem(tooDear, HttpStatus.CONFLICT, "above the 50000.00 UAH the framework agreement allows for FPV");
        assertThat(tooDear.getBody().path("field").asText()).isEqualTo("unitPrice");
        assertThat(field(admin.post(above + "/rejection", Map.of()))).isEqualTo("reason");
        JsonNode rejected = admin.post(above + "/rejection", Map.of("reason", "Above the agreement's highest price"))
                .getBody();
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertProblem(admin.post(above + "/approval", null), HttpStatus.CONFLICT, "is REJECTED already");
        assertThat(db.queryForObject("select count(*) from outbox_message where message_type = "
                + "'CATALOG_OFFER_ANSWER' and correlation_id = ?", Integer.class, "OFF-" + overRest))
                .as("the rejection goes to Steppe over its REST connector").isEqualTo(1);
        assertThat(api.as("dpa.signatory").post("/api/admin/catalog/offers/" + soapPending.path("id").asLong()
                + "/approval", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(db.queryForList("select action from audit_entry where subject_id = ? order by id", String.class,
                overJms)).containsExactly("OFFER_RECEIVED", "OFFER_APPROVED");
    }

    @Test
    void anOfferThatCannotBeTakenIsDeadLetteredWithItsReason() throws Exception {
        String messageId = "msg-" + UUID.randomUUID();
        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.send("supplier.skyforge.inbound", session -> session.createTextMessage(
                offerJson("OFF-" + suffix(), "VRY-SCOUT", "FPV", "20000.00").replace("\"messageId\":\"",
                        "\"messageId\":\"" + messageId + "-")));
        JmsTemplate hub = new JmsTemplate(hubConnections);
        hub.setReceiveTimeout(10_000);
        Message dead = hub.receiveSelected("supplier.skyforge.inbound.DLQ",
                "hubMessageId like '" + messageId + "%'");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON))
                .contains("Product code VRY-SCOUT is another supplier's");
    }

    @Test
    void aNewPriceIsANewVersionOrdersKeepTheirsAndACartAsksToConfirmIt() {
        ApiClient.As admin = api.as("dpa.admin");
        ApiClient.As unit = api.as("orderer.a2002");
        String code = "SKF-P" + suffix();
        Map<String, Object> offer = recorded("OFF-" + code + "/1", code, "20000.00");
        ResponseEntity<JsonNode> recorded = admin.post("/api/admin/catalog/offers", offer);
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody().path("origin").asText()).isEqualTo("RECORDED");
        admin.post("/api/admin/catalog/offers/" + recorded.getBody().path("id").asLong() + "/approval", null);
        db.update("update product set stock = 10 where code = ?", code);

        String earlier = placement.placeInStockOrder("A2002", Map.of(code, 1)).getOrderNumber();
        assertThat(unit.put("/api/cart/lines/" + code, Map.of("quantity", 1)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            JsonNode repriced = admin.post("/api/admin/catalog/offers", recorded("OFF-" + code + "/2", code,
                    "21000.00")).getBody();
            admin.post("/api/admin/catalog/offers/" + repriced.path("id").asLong() + "/approval", null);

            JsonNode prices = unit.get("/api/products/" + code + "/prices").getBody();
            assertThat(prices.findValuesAsText("version")).containsExactly("1", "2");
            assertThat(prices.at("/1/unitPrice").decimalValue()).isEqualByComparingTo("21000.00");
            JsonNode line = lineOf(unit.get("/api/cart").getBody(), code);
            assertThat(line.path("priceChanged").asBoolean()).isTrue();
            assertThat(line.path("previousUnitPrice").decimalValue()).isEqualByComparingTo("20000.00");
            assertThat(line.path("unitPrice").decimalValue()).isEqualByComparingTo("21000.00");
            Map<String, String> checkout = Map.of("requiredBy", LocalDate.now(clock).plusDays(30).toString());
            ResponseEntity<JsonNode> refused = unit.post("/api/cart/checkout", checkout);
            assertProblem(refused, HttpStatus.CONFLICT, code + " changed from 20000.00 to 21000.00 UAH");
            assertThat(refused.getBody().at("/lines/0/previousUnitPrice").decimalValue())
                    .isEqualByComparingTo("20000.00");

            unit.get("/api/cart").getBody().path("lines").forEach(other -> {
                if (!other.path("productCode").asText().equals(code)) {
                    unit.delete("/api/cart/lines/" + other.path("productCode").asText());
                }
            });
            assertProblem(unit.post("/api/cart/price-confirmation", Map.of("unitPrices", Map.of(code, "20500.00"))),
                    HttpStatus.CONFLICT, "changed from 20000.00 to 21000.00 UAH");
            JsonNode confirmed = unit.post("/api/cart/price-confirmation", Map.of("unitPrices",
                    Map.of(code, "21000.00"))).getBody();
            assertThat(lineOf(confirmed, code).path("priceChanged").asBoolean()).isFalse();
            ResponseEntity<JsonNode> placed = unit.post("/api/cart/checkout", checkout);
            assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(placed.getBody().at("/orders/0/total").decimalValue()).isEqualByComparingTo("21000.00");
            assertThat(db.queryForObject("select l.unit_price from order_line l join purchase_order o on "
                    + "o.id = l.order_id where o.order_number = ?", BigDecimal.class, earlier))
                    .as("the earlier order keeps its price").isEqualByComparingTo("20000.00");
        } finally {
            unit.delete("/api/cart/lines/" + code);
        }
    }

    private JsonNode pending(ApiClient.As admin, String productCode) {
        for (JsonNode offer : admin.get("/api/admin/catalog/offers?status=PENDING").getBody()) {
            if (offer.path("productCode").asText().equals(productCode)) {
                return offer;
            }
        }
        return null;
    }

    private static JsonNode lineOf(JsonNode cart, String productCode) {
        for (JsonNode line : cart.path("lines")) {
            if (line.path("productCode").asText().equals(productCode)) {
                return line;
            }
        }
        throw new AssertionError("no line " + productCode + " in " + cart);
    }

    private static String offerJson(String offerNumber, String productCode, String type, String price) {
        return "{\"contractVersion\":\"1.0\",\"messageType\":\"CATALOG_OFFER\",\"messageId\":\"msg-" + UUID.randomUUID()
                + "\",\"offerNumber\":\"" + offerNumber + "\",\"productCode\":\"" + productCode
                + "\",\"name\":\"Test drone " + productCode + "\",\"productType\":\"" + type
                + "\",\"description\":\"A drone offered in a test\",\"unitPrice\":\"" + price
                + "\",\"leadTimeDays\":21,\"specifications\":{"
                + "\"frequencyBands\":[\"5.8 GHz video\",\"900 MHz control\"],"
                + "\"camera\":\"CMOS 1200TVL analogue\",\"rangeKm\":10,\"flightTimeMin\":12,\"payloadKg\":1.5,"
                + "\"weightKg\":0.9}}";
    }

    private static String offerXml(String offerNumber, String productCode, String type, String price) {
        return "<catalogOffer xmlns=\"" + NS + "\"><messageId>msg-" + UUID.randomUUID() + "</messageId><offerNumber>"
                + offerNumber + "</offerNumber><productCode>" + productCode + "</productCode><name>Test drone</name>"
                + "<productType>" + type + "</productType><description>A drone offered in a test</description>"
                + "<unitPrice>" + price + "</unitPrice><leadTimeDays>30</leadTimeDays><specifications>"
                + "<frequencyBand>2.4 GHz</frequencyBand><frequencyBand>5.8 GHz</frequencyBand>"
                + "<camera>4K</camera><rangeKm>12</rangeKm><flightTimeMin>40</flightTimeMin>"
                + "<payloadKg>0.5</payloadKg><weightKg>1.2</weightKg></specifications></catalogOffer>";
    }

    private static Map<String, Object> recorded(String offerNumber, String productCode, String price) {
        Map<String, Object> offer = new HashMap<>();
        offer.put("supplierCode", "skyforge");
        offer.put("offerNumber", offerNumber);
        offer.put("productCode", productCode);
        offer.put("name", "Test drone " + productCode);
        offer.put("productType", "FPV");
        offer.put("description", "A drone offered on paper");
        offer.put("unitPrice", price);
        offer.put("leadTimeDays", 14);
        offer.put("specifications", Map.of("frequencyBands", List.of("5.8 GHz video"), "camera", "Analogue",
                "rangeKm", 8, "flightTimeMin", 10, "payloadKg", 1.0, "weightKg", 0.8));
        return offer;
    }

    private ResponseEntity<JsonNode> postRest(String supplier, String body) {
        HttpHeaders headers = connections.signed(supplier, body);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/suppliers/" + supplier + "/messages", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private ResponseEntity<String> postSoap(String envelope) {
        HttpHeaders headers = connections.signed("viriy", envelope);
        headers.setContentType(MediaType.TEXT_XML);
        headers.set("SOAPAction", "\"\"");
        return http.postForEntity("/services/suppliers/viriy", new HttpEntity<>(envelope, headers), String.class);
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    private static String field(ResponseEntity<JsonNode> refusal) {
        assertThat(refusal.getStatusCode().is4xxClientError()).as("%s", refusal.getBody()).isTrue();
        return refusal.getBody().path("field").asText();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
    }
}

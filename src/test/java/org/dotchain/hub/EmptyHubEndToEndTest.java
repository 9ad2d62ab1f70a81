package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.dotchain.hub.access.TotpCodes;
import org.dotchain.hub.audit.AuditChainVerification;
import org.dotchain.hub.integration.ReferenceSystems;
import org.dotchain.hub.integration.SupplierConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A hub started without the demo, on an empty database, made usable from its bootstrap, its API and its connectors
 * alone: the first administrator, a DPA signatory, a unit and its people through the access procedure, its budget,
 * a supplier's framework agreement, the supplier's product offered over its connector and approved, then an order of
 * it through to payment with the reference supplier and finance systems. Only the partners' secrets are given, as
 * configuration gives them in production (here generated into the data folder).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.suppliers.generate-missing-keys=true", "hub.access.person-secrets.generate-missing-key=true"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class EmptyHubEndToEndTest {

    static final Duration STEP = Duration.ofSeconds(30);
    static final String PASSWORD = "a long enough password";
    private static final Pattern TOKEN = Pattern.compile("Activate dpa\\.admin with this one-time token, valid until "
            + "\\S+: POST /api/activations \\{\"activationToken\":\"([A-Za-z0-9_-]+)\"");

    @Autowired
    ApiClient api;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SupplierConnections connections;
    @Autowired
    ReferenceSystems reference;
    @Autowired
    AuditChainVerification auditChain;

    final ObjectMapper json = new ObjectMapper();

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @Test
    void fromTheFirstAdministratorToAPaidOrder(CapturedOutput output) throws Exception {
        assertThat(db.queryForObject("select count(*) from product", Integer.class)).as("an empty hub").isZero();
        Matcher printed = TOKEN.matcher(output.getAll());
        assertThat(printed.find()).as("the start-up log prints the first administrator's token").isTrue();
        ApiClient.As admin = loggedIn("dpa.admin", activate(printed.group(1)));

        String signatory = "dpa.signer";
        ResponseEntity<JsonNode> staff = admin.post("/api/admin/staff", Map.of("username", signatory,
                "fullName", "Iryna Shevchenko", "roles", List.of("DPA_SIGNATORY")));
        assertThat(staff.getStatusCode()).as("%s", staff.getBody()).isEqualTo(HttpStatus.CREATED);
        ApiClient.As dpaSignatory = loggedIn(signatory, activate(staff.getBody().path("activationToken").asText()));
        assertThat(admin.get("/api/admin/signatories/on-duty").getBody().path("username").asText())
                .as("the DPA's only signatory signs").isEqualTo(signatory);

        assertThat(admin.post("/api/admin/units", Map.of("code", "A5005", "name", "Military unit A5005"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        admin.post("/api/admin/units/A5005/request-letters", Map.of("number", "DPA/2026/5005", "date", "2026-11-02"));
        assertThat(admin.post("/api/admin/units/A5005/designation-letters", Map.of("number", "A5005/2026/1",
                "date", "2026-11-05", "persons", List.of(
                        Map.of("username", "o.melnyk", "fullName", "Oksana Melnyk", "roles", List.of("ORDERER",
                                "RECEIVER")),
                        Map.of("username", "p.bondar", "fullName", "Petro Bondar", "roles",
                                List.of("UNIT_SIGNATORY"))))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (String person : List.of("o.melnyk", "p.bondar")) {
            admin.post("/api/admin/persons/" + person + "/trainings", Map.of("course", "DOT-Chain Defence for units",
                    "completedOn", "2026-11-10"));
        }
        Map<String, String> activations = new LinkedHashMap<>();
        admin.post("/api/admin/units/A5005/access", null).getBody().forEach(activation -> activations.put(
                activation.path("username").asText(), activation.path("activationToken").asText()));
        ApiClient.As unit = loggedIn("o.melnyk", activate(activations.get("o.melnyk")));
        ApiClient.As unitSignatory = loggedIn("p.bondar", activate(activations.get("p.bondar")));
        assertThat(admin.post("/api/admin/units/A5005/budget/allocations", Map.of("amount", "1000000.00",
                "decisionNumber", "DPA-2026/0501", "decisionDate", "2026-11-20", "legalBasis",
                "Order of the DPA No. 501 on the drone programme")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(unit.get("/api/budget").getBody().path("available").decimalValue())
                .isEqualByComparingTo("1000000.00");

        assertThat(admin.post("/api/admin/suppliers/skyforge/agreements", Map.of("number", "FA-2026/017",
                "signedOn", "2026-11-20", "validFrom", "2026-11-20", "validUntil", "2099-12-31",
                "items", List.of(Map.of("productType", "FPV", "maxUnitPrice", "30000.00")))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.setReceiveTimeout(10_000);
        skyforge.send("supplier.skyforge.inbound", session -> session.createTextMessage(offer()));
        JsonNode offer = await().atMost(STEP).until(() -> admin.get("/api/admin/catalog/offers?status=PENDING")
                .getBody(), offers -> offers.size() == 1).get(0);
        assertThat(admin.post("/api/admin/catalog/offers/" + offer.path("id").asLong() + "/approval", null)
                .getBody().path("status").asText()).isEqualTo("APPROVED");
        TextMessage answer = (TextMessage) skyforge.receiveSelected("supplier.skyforge.orders",
                "hubMessageType = 'CATALOG_OFFER_ANSWER'");
        assertThat(json.readTree(answer.getText()).path("decision").asText()).isEqualTo("APPROVED");
        skyforge.send("supplier.skyforge.inbound", session -> session.createTextMessage("{\"contractVersion\":"
                + "\"1.0\",\"messageType\":\"STOCK_UPDATE\",\"messageId\":\"msg-" + UUID.randomUUID()
                + "\",\"products\":[{\"productCode\":\"SKF-FPV9\",\"stock\":50}]}"));
        await().atMost(STEP).until(() -> unit.get("/api/products/SKF-FPV9").getBody().path("stock").asInt() == 50);

        reference.start();
        unit.put("/api/cart/lines/SKF-FPV9", Map.of("quantity", 2));
        JsonNode order = unit.post("/api/cart/checkout", Map.of("requiredBy", LocalDate.now(clock).plusDays(30)
                .toString())).getBody().at("/orders/0");
        String orderNumber = order.path("orderNumber").asText();
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("47800.00");
        sign(unit, order.path("documentId").asLong());
        await().atMost(STEP).until(() -> status(unit, orderNumber).equals("SHIPPED"));

        Map<String, List<String>> despatches = new LinkedHashMap<>();
        unit.get("/api/orders/" + orderNumber + "/items").getBody().forEach(item -> despatches
                .computeIfAbsent(item.path("despatchNumber").asText(), despatch -> new ArrayList<>())
                .add(item.path("serialNumber").asText()));
        for (var despatch : despatches.entrySet()) {
            JsonNode receipt = unit.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber",
                    despatch.getKey(), "received", despatch.getValue())).getBody();
            sign(unit, receipt.at("/invoice/documentId").asLong());
        }
        assertThat(status(unit, orderNumber)).isEqualTo("DELIVERED");

        List<String> certificates = await().atMost(STEP).until(() -> db.queryForList("select distinct "
                + "c.certificate_number from acceptance_certificate c join acceptance_certificate_invoice ci on "
                + "ci.certificate_id = c.id join expenditure_invoice i on i.id = ci.invoice_id join purchase_order o "
                + "on o.id = i.order_id where o.order_number = ? and c.document_id is not null", String.class,
                orderNumber), found -> found.size() == despatches.size());
        for (String certificate : certificates) {
            long documentId = db.queryForObject("select document_id from acceptance_certificate where "
                    + "certificate_number = ?", Long.class, certificate);
            await().atMost(STEP).until(() -> dpaSignatory.get("/api/documents/" + documentId).getBody()
                    .at("/turn/signerIdentity").asText("").equals("p.bondar"));
            sign(unitSignatory, documentId);
            sign(dpaSignatory, documentId);
        }
        await().atMost(STEP).until(() -> status(unit, orderNumber).equals("COMPLETED"));

        assertThat(unit.get("/api/budget").getBody().path("spent").decimalValue()).isEqualByComparingTo("47800.00");
        assertThat(admin.get("/api/admin/reports/spending?by=UNIT").getBody().at("/rows/0/spent").decimalValue())
                .isEqualByComparingTo("47800.00");
        assertBalanced(db);
        assertThat(auditChain.verify().intact()).isTrue();
    }

    private static String offer() {
        return "{\"contractVersion\":\"1.0\",\"messageType\":\"CATALOG_OFFER\",\"messageId\":\"msg-" + UUID.randomUUID()
                + "\",\"offerNumber\":\"SKF-2026-0009\",\"productCode\":\"SKF-FPV9\",\"name\":\"Skyforge FPV-9 strike "
                + "drone\",\"productType\":\"FPV\",\"description\":\"9-inch FPV strike quadcopter.\",\"unitPrice\":"
                + "\"23900.00\",\"leadTimeDays\":21,\"specifications\":{\"frequencyBands\":[\"5.8 GHz video\","
                + "\"900 MHz control\"],\"camera\":\"CMOS 1500TVL analogue\",\"rangeKm\":12,\"flightTimeMin\":14,"
                + "\"payloadKg\":2.0,\"weightKg\":1.2}}";
    }

    /** Password and TOTP enrolment with the one-time token, confirmed by the first code; answers the secret. */
    private String activate(String activationToken) {
        JsonNode enrolment = http.postForEntity("/api/activations", Map.of("activationToken", activationToken,
                "password", PASSWORD), JsonNode.class).getBody();
        String secret = enrolment.path("totpSecret").asText();
        assertThat(http.postForEntity("/api/activations/confirmation", Map.of("activationToken", activationToken,
                "totpCode", totp.codeAt(secret, clock.instant())), JsonNode.class).getStatusCode().is2xxSuccessful())
                .isTrue();
        clock.advance(Duration.ofSeconds(30));
        return secret;
    }

    private ApiClient.As loggedIn(String username, String secret) {
        ResponseEntity<JsonNode> login = http.postForEntity("/api/auth/tokens", Map.of("username", username,
                "password", PASSWORD, "totpCode", totp.codeAt(secret, clock.instant())), JsonNode.class);
        assertThat(login.getStatusCode()).as("%s", login.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.withToken(login.getBody().path("token").asText());
    }

    private static void sign(ApiClient.As signer, long documentId) {
        assertThat(signer.post("/api/documents/" + documentId + "/development-signatures", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static String status(ApiClient.As unit, String orderNumber) {
        return unit.get("/api/orders/" + orderNumber).getBody().path("status").asText();
    }
}

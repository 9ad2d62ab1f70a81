package org.dotchain.hub.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dotchain.hub.ApiAssertions.assertProblem;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.ordering.Despatches;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.dotchain.hub.signing.DevelopmentCertificateAuthority;
import org.dotchain.hub.signing.PadesCmsBuilder;
import org.junit.jupiter.api.BeforeEach;
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
 * A supplier asks for an acceptance certificate over its signed expenditure invoices and signs it through its
 * connector with its own key; the unit's signatory and the DPA's sign after it; then it is ready for payment.
 */
@HubIntegrationTest
class AcceptanceCertificateTest {

    @Autowired
    OrderPlacement placement;
    @Autowired
    Despatches despatches;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SupplierConnections connections;
    @Autowired
    DevelopmentCertificateAuthority developmentCa;
    @Autowired
    TestRestTemplate http;

    final ObjectMapper json = new ObjectMapper();
    KeyPair supplierKeys;
    List<X509Certificate> supplierChain;

    @BeforeEach
    void skyforgesOwnSigningKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        supplierKeys = generator.generateKeyPair();
        supplierChain = developmentCa.certify("supplier:skyforge", "Skyforge Dynamics LLC", supplierKeys.getPublic(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    @Test
    void threeSignaturesThatVerifyMakeTheCertificatePaymentReady() throws Exception {
        Map<String, Object> invoice = signedInvoice(2);
        String requestId = "acr-" + UUID.randomUUID();

        send(certificateRequest(requestId, List.of((String) invoice.get("invoice_number")),
                invoice.get("total").toString()));

        JsonNode signingRequest = signingRequestFor(requestId);
        String certificateNumber = signingRequest.get("certificateNumber").asText();
        assertThat(status(certificateNumber)).isEqualTo("AWAITING_SIGNATURES");
        assertThat(db.queryForObject("select status from expenditure_invoice where invoice_number = ?", String.class,
                invoice.get("invoice_number"))).isEqualTo("CERTIFIED");
        byte[] cms = PadesCmsBuilder.sign(Base64.getDecoder().decode(signingRequest.get("contentDigest").asText()),
                supplierKeys.getPrivate(), "SHA256withECDSA", supplierChain);
        send(json.writeValueAsString(Map.of("contractVersion", "1.0", "messageType", "CERTIFICATE_SIGNATURE",
                "messageId", "sig-" + UUID.randomUUID(), "certificateNumber", certificateNumber,
                "requestId", signingRequest.get("requestId").asText(),
                "cms", Base64.getEncoder().encodeToString(cms))));

        long documentId = db.queryForObject("select document_id from acceptance_certificate where "
                + "certificate_number = ?", Long.class, certificateNumber);
        await().atMost(Duration.ofSeconds(10)).until(() -> turnOf(documentId).equals("signatory.a1001"));
        assertThat(api.as("signatory.a1001").post("/api/documents/" + documentId + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(certificateNumber)).isEqualTo("AWAITING_SIGNATURES");
        assertThat(api.as("dpa.signatory").post("/api/documents/" + documentId + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(status(certificateNumber)).isEqualTo("PAYMENT_READY");
        JsonNode report = api.as("dpa.signatory").get("/api/documents/" + documentId + "/verification-report").getBody();
        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(report.get("signatures")).hasSize(3);
        assertBalanced(db);
    }

    @Test
    void aListThatDoesNotHoldIsRefusedAndChangesNothing() throws Exception {
        Map<String, Object> invoice = signedInvoice(1);
        String number = (String) invoice.get("invoice_number");
        String total = invoice.get("total").toString();

        assertProblem(post(certificateRequest("acr-" + UUID.randomUUID(), List.of(number), "1.00")),
                HttpStatus.UNPROCESSABLE_ENTITY, "add up to");
        assertProblem(post(certificateRequest("acr-" + UUID.randomUUID(), List.of("EI-2026-999999"), total)),
                HttpStatus.NOT_FOUND, "No expenditure invoice EI-2026-999999 of supplier skyforge");
        assertThat(post(certificateRequest("acr-" + UUID.randomUUID(), List.of(number), total)).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertProblem(post(certificateRequest("acr-" + UUID.randomUUID(), List.of(number), total)),
                HttpStatus.CONFLICT, "on another acceptance certificate");
        assertThat(db.queryForObject("select count(*) from acceptance_certificate_invoice ci join expenditure_invoice "
                + "i on i.id = ci.invoice_id where i.invoice_number = ?", Integer.class, number)).isEqualTo(1);
    }

    /** An order of A1001 from Skyforge, shipped, received in full and its expenditure invoice signed. */
    private Map<String, Object> signedInvoice(int quantity) {
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of("SKF-FPV10", quantity));
        placement.form(order.getOrderNumber());
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> serials = java.util.stream.IntStream.rangeClosed(1, quantity)
                .mapToObj(i -> "SN-" + batch + "-" + i).toList();
        despatches.record(order.getOrderNumber(), "skyforge", "D-" + batch, Instant.now(),
                java.time.LocalDate.now().plusDays(2), List.of(new Despatches.DespatchedLine(1, quantity, serials)));
        ApiClient.As receiver = api.as("orderer.a1001");
        JsonNode receipt = receiver.post("/api/orders/" + order.getOrderNumber() + "/receipts",
                Map.of("despatchNumber", "D-" + batch, "received", serials)).getBody();
        receiver.post("/api/documents/" + receipt.at("/invoice/documentId").asLong() + "/development-signatures", null);
        return db.queryForMap("select invoice_number, total from expenditure_invoice where invoice_number = ?",
                receipt.at("/invoice/invoiceNumber").asText());
    }

    private String certificateRequest(String messageId, List<String> invoices, String total) throws Exception {
        return json.writeValueAsString(Map.of("contractVersion", "1.0", "messageType",
                "ACCEPTANCE_CERTIFICATE_REQUEST", "messageId", messageId, "invoiceNumbers", invoices, "total", total,
                "signerCertificate", Base64.getEncoder().encodeToString(supplierChain.get(0).getEncoded())));
    }

    private void send(String message) {
        new JmsTemplate(connections.as("skyforge")).send("supplier.skyforge.inbound",
                session -> session.createTextMessage(message));
    }

    private ResponseEntity<JsonNode> post(String body) {
        HttpHeaders headers = connections.signed("skyforge", body);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/suppliers/skyforge/messages", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The hub's signing request for the supplier's request, as the supplier's system receives it. */
    private JsonNode signingRequestFor(String requestMessageId) throws Exception {
        JmsTemplate skyforge = new JmsTemplate(connections.as("skyforge"));
        skyforge.setReceiveTimeout(10_000);
        while (true) {
            TextMessage message = (TextMessage) skyforge.receiveSelected("supplier.skyforge.orders",
                    "hubMessageType = 'SIGNING_REQUEST'");
            assertThat(message).as("a signing request for " + requestMessageId).isNotNull();
            JsonNode request = json.readTree(message.getText());
            if (request.get("requestMessageId").asText().equals(requestMessageId)) {
                return request;
            }
        }
    }

    private String status(String certificateNumber) {
        return db.queryForObject("select status from acceptance_certificate where certificate_number = ?",
                String.class, certificateNumber);
    }

    private String turnOf(long documentId) {
        return api.as("dpa.signatory").get("/api/documents/" + documentId).getBody().at("/turn/signerIdentity")
                .asText("");
    }
}

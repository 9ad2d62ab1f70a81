package org.dotchain.hub.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dotchain.hub.ApiAssertions.assertProblem;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.delivery.Despatches;
import org.dotchain.hub.integration.RequestSignatures;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.integration.PartnerKeys;
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
    @Autowired
    PartnerKeys keys;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    java.time.Clock clock;

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
        String certificateNumber = paymentReady(2);

        long documentId = documentOf(certificateNumber);
        JsonNode report = api.as("dpa.signatory").get("/api/documents/" + documentId + "/verification-report").getBody();
        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(report.get("signatures")).hasSize(3);
        String request = db.queryForObject("select payload from outbox_message where correlation_id = ? and "
                + "message_type = 'PAYMENT_REQUEST'", String.class, certificateNumber);
        producer.requestBody("json-validator:connectors/contracts/payment-request-v1.schema.json", request);
        assertThat(json.readTree(request).at("/document/sha256").asText()).isEqualTo(db.queryForObject(
                "select sha256 from document where id = ?", String.class, documentId));
        assertThat(api.as("signatory.a1001").get("/api/certificates?status=PAYMENT_READY").getBody().toString())
                .contains(certificateNumber);
        assertThat(api.as("skyforge.agent").get("/api/certificates").getBody().toString()).contains(certificateNumber);
        assertThat(api.as("viriy.agent").get("/api/certificates").getBody().toString()).doesNotContain(certificateNumber);
        assertThat(api.as("orderer.a2002").get("/api/certificates").getBody().toString())
                .doesNotContain(certificateNumber);
        assertBalanced(db);
    }

    @Test
    void theFinanceSystemsConfirmationPaysExactlyTheCertificateOnce() throws Exception {
        String certificateNumber = paymentReady(1);
        BigDecimal total = db.queryForObject("select total from acceptance_certificate where certificate_number = ?",
                BigDecimal.class, certificateNumber);
        String orderNumber = db.queryForObject("select o.order_number from acceptance_certificate c join "
                + "acceptance_certificate_invoice ci on ci.certificate_id = c.id join expenditure_invoice i on "
                + "i.id = ci.invoice_id join purchase_order o on o.id = i.order_id where c.certificate_number = ?",
                String.class, certificateNumber);
        String wrong = confirmation("pay-" + UUID.randomUUID(), certificateNumber, total.add(BigDecimal.ONE));
        String right = confirmation("pay-" + UUID.randomUUID(), certificateNumber, total);

        assertProblem(postFinance(right, new byte[32]), HttpStatus.UNAUTHORIZED, "does not match");
        assertProblem(postFinance(confirmation("pay-" + UUID.randomUUID(), "AC-2026-999999", total),
                keys.keyOf("dpa-finance").orElseThrow()), HttpStatus.NOT_FOUND, "No acceptance certificate AC-2026-999999");
        assertProblem(postFinance(wrong, keys.keyOf("dpa-finance").orElseThrow()), HttpStatus.UNPROCESSABLE_ENTITY,
                "does not match its total");
        assertThat(api.as("operator").get("/api/alerts").getBody().toString())
                .contains("PAYMENT_AMOUNT_MISMATCH").contains(certificateNumber);
        assertThat(spent(orderNumber)).isEqualByComparingTo(BigDecimal.ZERO);

        assertThat(postFinance(right, keys.keyOf("dpa-finance").orElseThrow()).getBody().get("status").asText())
                .isEqualTo("accepted");
        assertThat(postFinance(right, keys.keyOf("dpa-finance").orElseThrow()).getBody().get("status").asText())
                .isEqualTo("duplicate");
        assertProblem(postFinance(confirmation("pay-" + UUID.randomUUID(), certificateNumber, total),
                keys.keyOf("dpa-finance").orElseThrow()), HttpStatus.CONFLICT, "paid already");

        assertThat(status(certificateNumber)).isEqualTo("PAID");
        assertThat(spent(orderNumber)).isEqualByComparingTo(total);
        // no finance system listens in this test: its payment request waits, retried, among the dead letters
        String requestId = db.queryForObject("select message_id::text from outbox_message where correlation_id = ? "
                + "and message_type = 'PAYMENT_REQUEST'", String.class, certificateNumber);
        JsonNode letter = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.as("operator").deadLetter(requestId), found -> found != null);
        assertThat(letter.get("queue").asText()).isEqualTo("finance.payments.DLQ");
        assertThat(db.queryForObject("select status from purchase_order where order_number = ?", String.class,
                orderNumber)).isEqualTo("COMPLETED");
        assertBalanced(db);
    }

    /** A certificate over a new signed invoice, signed by the supplier through JMS, the unit and the DPA. */
    private String paymentReady(int quantity) throws Exception {
        Map<String, Object> invoice = signedInvoice(quantity);
        String requestId = "acr-" + UUID.randomUUID();

        send(certificateRequest(requestId, List.of((String) invoice.get("invoice_number")),
                invoice.get("total").toString()));

        JsonNode signingRequest = signingRequestFor(requestId);
        producer.requestBody("json-validator:connectors/contracts/signing-request-v1.schema.json",
                signingRequest.toString());
        String certificateNumber = signingRequest.get("certificateNumber").asText();
        assertThat(status(certificateNumber)).isEqualTo("AWAITING_SIGNATURES");
        assertProblem(postFinance(confirmation("pay-" + UUID.randomUUID(), certificateNumber,
                        new BigDecimal(invoice.get("total").toString())), keys.keyOf("dpa-finance").orElseThrow()),
                HttpStatus.CONFLICT, "not ready for payment");
        assertThat(db.queryForObject("select status from expenditure_invoice where invoice_number = ?", String.class,
                invoice.get("invoice_number"))).isEqualTo("CERTIFIED");
        byte[] cms = PadesCmsBuilder.sign(Base64.getDecoder().decode(signingRequest.get("contentDigest").asText()),
                supplierKeys.getPrivate(), "SHA256withECDSA", supplierChain);
        send(json.writeValueAsString(Map.of("contractVersion", "1.0", "messageType", "CERTIFICATE_SIGNATURE",
                "messageId", "sig-" + UUID.randomUUID(), "certificateNumber", certificateNumber,
                "requestId", signingRequest.get("requestId").asText(),
                "cms", Base64.getEncoder().encodeToString(cms))));

        long documentId = documentOf(certificateNumber);
        await().atMost(Duration.ofSeconds(10)).until(() -> turnOf(documentId).equals("signatory.a1001"));
        assertThat(api.as("signatory.a1001").post("/api/documents/" + documentId + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(certificateNumber)).isEqualTo("AWAITING_SIGNATURES");
        assertThat(api.as("dpa.signatory").post("/api/documents/" + documentId + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(certificateNumber)).isEqualTo("PAYMENT_READY");
        return certificateNumber;
    }

    private long documentOf(String certificateNumber) {
        return db.queryForObject("select document_id from acceptance_certificate where certificate_number = ?",
                Long.class, certificateNumber);
    }

    private String confirmation(String messageId, String certificateNumber, BigDecimal amount) throws Exception {
        return json.writeValueAsString(Map.of("contractVersion", "1.0", "messageType", "PAYMENT_CONFIRMATION",
                "messageId", messageId, "certificateNumber", certificateNumber, "paymentReference",
                "PAY-" + messageId.substring(4, 12), "amount", amount.setScale(2).toPlainString(),
                "paidOn", java.time.LocalDate.now().toString()));
    }

    private ResponseEntity<JsonNode> postFinance(String body, byte[] key) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpHeaders headers = new HttpHeaders();
        headers.set(RequestSignatures.TIMESTAMP, timestamp);
        headers.set(RequestSignatures.SIGNATURE, Base64.getEncoder().encodeToString(
                RequestSignatures.sign(key, timestamp, body)));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/finance/messages", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private BigDecimal spent(String orderNumber) {
        return db.queryForObject("select coalesce(sum(e.amount), 0) from budget_entry e join purchase_order o on "
                + "o.id = e.order_id where o.order_number = ? and e.kind = 'SPENT'", BigDecimal.class, orderNumber);
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

    @Test
    void anInvoiceTheUnitHasNotSignedCannotBeCertified() throws Exception {
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of("SKF-FPV10", 1));
        placement.form(order.getOrderNumber());
        String serial = "SN-" + UUID.randomUUID();
        despatches.record(order.getOrderNumber(), "skyforge", "D-" + serial, Instant.now(),
                java.time.LocalDate.now().plusDays(2), List.of(new Despatches.DespatchedLine(1, 1, List.of(serial))));
        JsonNode invoice = api.as("orderer.a1001").post("/api/orders/" + order.getOrderNumber() + "/receipts",
                Map.of("despatchNumber", "D-" + serial, "received", List.of(serial))).getBody().get("invoice");

        assertProblem(post(certificateRequest("acr-" + UUID.randomUUID(), List.of(invoice.get("invoiceNumber")
                .asText()), invoice.get("total").decimalValue().setScale(2).toPlainString())),
                HttpStatus.CONFLICT, "not signed by the unit yet");
        assertThat(db.queryForObject("select status from expenditure_invoice where invoice_number = ?", String.class,
                invoice.get("invoiceNumber").asText())).isEqualTo("AWAITING_SIGNATURE");
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

package org.dotchain.hub.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.delivery.Deliveries;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.signing.DevelopmentCertificateAuthority;
import org.dotchain.hub.signing.PadesCmsBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An order of a unit through the whole cycle by the hub's services, as Skyforge's system and the unit's people would
 * take it: delivered, its invoice signed, certified, signed by all three, paid.
 */
@Component
public class Settlements {

    private final OrderPlacement placement;
    private final Deliveries deliveries;
    private final AcceptanceCertificates certificates;
    private final Payments payments;
    private final DevelopmentCertificateAuthority developmentCa;
    private final ApiClient api;
    private final JdbcTemplate db;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    Settlements(OrderPlacement placement, Deliveries deliveries, AcceptanceCertificates certificates,
                Payments payments, DevelopmentCertificateAuthority developmentCa, ApiClient api, JdbcTemplate db,
                Clock clock) {
        this.clock = clock;
        this.placement = placement;
        this.deliveries = deliveries;
        this.certificates = certificates;
        this.payments = payments;
        this.developmentCa = developmentCa;
        this.api = api;
        this.db = db;
    }

    /** Skyforge's certificate over a delivered order of the unit, whose invoice the receiver signed. */
    public String certificateFor(String unit, Map<String, Integer> products, ApiClient.As receiver) throws Exception {
        return certify(unit, products, receiver).certificateNumber();
    }

    /** The same, then signed by Skyforge, the unit's signatory and the DPA's, and paid; answers its number. */
    public String paidCertificateFor(String unit, Map<String, Integer> products, ApiClient.As receiver,
                                     ApiClient.As unitSignatory) throws Exception {
        Certified certified = certify(unit, products, receiver);
        String number = certified.certificateNumber();
        JsonNode request = json.readTree(db.queryForObject("select payload from outbox_message where correlation_id "
                + "= ? and message_type = 'SIGNING_REQUEST'", String.class, number));
        byte[] cms = PadesCmsBuilder.sign(Base64.getDecoder().decode(request.path("contentDigest").asText()),
                certified.keys().getPrivate(), "SHA256withECDSA", certified.chain());
        certificates.sign("skyforge", number, UUID.fromString(request.path("requestId").asText()), cms);
        long documentId = db.queryForObject("select document_id from acceptance_certificate where "
                + "certificate_number = ?", Long.class, number);
        assertThat(unitSignatory.post("/api/documents/" + documentId + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.as("dpa.signatory").post("/api/documents/" + documentId + "/development-signatures", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        BigDecimal total = db.queryForObject("select total from acceptance_certificate where certificate_number = ?",
                BigDecimal.class, number);
        payments.confirm(number, "PAY-" + UUID.randomUUID(), total, LocalDate.now(clock));
        return number;
    }

    private record Certified(String certificateNumber, KeyPair keys, List<X509Certificate> chain) {
    }

    private Certified certify(String unit, Map<String, Integer> products, ApiClient.As receiver) throws Exception {
        String orderNumber = placement.placeInStockOrder(unit, products).getOrderNumber();
        placement.form(orderNumber);
        int quantity = products.values().iterator().next();
        JsonNode receipt = deliveries.shipAndReceive(orderNumber, "skyforge", quantity, receiver);
        assertThat(receipt.at("/invoice/documentId").isNumber()).as("the receipt %s", receipt).isTrue();
        assertThat(receiver.post("/api/documents/" + receipt.at("/invoice/documentId").asLong()
                + "/development-signatures", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = clock.instant();
        List<X509Certificate> chain = developmentCa.certify("supplier:skyforge", "Skyforge Dynamics LLC",
                keys.getPublic(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        String number = certificates.prepare("skyforge", "acr-" + UUID.randomUUID(),
                List.of(receipt.at("/invoice/invoiceNumber").asText()), receipt.at("/invoice/total").decimalValue(),
                chain.get(0).getEncoded()).getCertificateNumber();
        return new Certified(number, keys, chain);
    }
}

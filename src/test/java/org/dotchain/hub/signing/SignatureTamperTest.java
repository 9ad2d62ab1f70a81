package org.dotchain.hub.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every way a signature or a signed document can be wrong: each is refused with its reason and changes nothing. */
@HubIntegrationTest
class SignatureTamperTest {

    @Autowired
    SigningFixtures fixtures;
    @Autowired
    DevelopmentCertificateAuthority developmentCa;
    @Autowired
    JdbcTemplate db;

    @Test
    void aChangedByteInASignedRevisionFailsItsSignature() {
        Long documentId = signedBySupplier();
        byte[] pdf = content(documentId);
        int at = indexOf(pdf, "dotchain-hub");
        pdf[at] = 'D';
        store(documentId, pdf);

        JsonNode report = fixtures.verificationReport(documentId);

        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_FAILED");
        assertThat(report.at("/signatures/0/subIndication").asText()).isEqualTo("HASH_FAILURE");
        assertThat(report.at("/signatures/0/integrity").asText()).isEqualTo("FAILED");
        assertThat(report.at("/signatures/0/message").asText()).contains("signed bytes differ");
        assertRefusedWithoutChange(documentId, fixtures.signWithDevelopmentKey(documentId), "HASH_FAILURE");
    }

    @Test
    void contentAppendedAfterTheLastSignatureFailsTheDocument() throws Exception {
        Long documentId = signedBySupplier();
        byte[] signed = content(documentId);
        byte[] appended;
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Changed after signing");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            appended = out.toByteArray();
        }
        assertThat(appended.length).isGreaterThan(signed.length);
        store(documentId, appended);

        JsonNode report = fixtures.verificationReport(documentId);

        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_FAILED");
        assertThat(report.get("subIndication").asText()).isEqualTo("FORMAT_FAILURE");
        assertThat(report.get("unsignedBytesAfterLastSignature").asLong()).isEqualTo(appended.length - signed.length);
        assertThat(report.get("message").asText()).contains("appended after the last signature");
        assertThat(report.at("/signatures/0/indication").asText()).as("the signed revision itself is intact")
                .isEqualTo("TOTAL_PASSED");
        assertRefusedWithoutChange(documentId, fixtures.signWithDevelopmentKey(documentId), "FORMAT_FAILURE");
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefused() throws Exception {
        Long documentId = fixtures.issueCertificate();
        DevelopmentCertificateAuthority rogue = new DevelopmentCertificateAuthority(
                Files.createTempDirectory("rogue-ca"), "rogue".toCharArray(), Clock.systemUTC());
        SigningFixtures.SignerTool forger = fixtures.signer("supplier:skyforge", "Skyforge Dynamics LLC",
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(30)), rogue);

        ResponseEntity<JsonNode> response = fixtures.signExternally(documentId, forger);

        assertRefusedWithoutChange(documentId, response, "NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(response.getBody().at("/report/signatures/0/indication").asText()).isEqualTo("INDETERMINATE");
        assertThat(response.getBody().at("/report/signatures/0/integrity").asText()).isEqualTo("PASSED");
        assertThat(response.getBody().at("/report/signatures/0/certificateChain").asText()).isEqualTo("FAILED");
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Long documentId = fixtures.issueCertificate();
        SigningFixtures.SignerTool expired = fixtures.signer("supplier:skyforge", "Skyforge Dynamics LLC",
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(1)), developmentCa);

        ResponseEntity<JsonNode> response = fixtures.signExternally(documentId, expired);

        assertRefusedWithoutChange(documentId, response, "EXPIRED");
        assertThat(response.getBody().at("/report/signatures/0/message").asText()).contains("expired on");
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        Long documentId = fixtures.issueCertificate();
        SigningFixtures.SignerTool early = fixtures.signer("supplier:skyforge", "Skyforge Dynamics LLC",
                Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(400)), developmentCa);

        ResponseEntity<JsonNode> response = fixtures.signExternally(documentId, early);

        assertRefusedWithoutChange(documentId, response, "NOT_YET_VALID");
        assertThat(response.getBody().at("/report/signatures/0/indication").asText()).isEqualTo("TOTAL_FAILED");
    }

    @Test
    void aSignerOtherThanTheOneTheStepExpectsIsRefused() {
        Long documentId = fixtures.issueCertificate();
        SigningFixtures.SignerTool skyforge = fixtures.signer(SigningFixtures.SUPPLIER);
        SigningFixtures.SignerTool viriy = fixtures.signer(
                new RequiredSigner("SUPPLIER", "supplier:viriy", "Viriy Aero LLC", "Viriy Aero LLC"));
        JsonNode request = fixtures.requestSignature(documentId, skyforge).getBody();

        ResponseEntity<JsonNode> response = fixtures.submit(documentId, request, viriy.sign(request));

        assertRefusedWithoutChange(documentId, response, "SIG_CONSTRAINTS_FAILURE");
        assertThat(response.getBody().at("/report/signatures/0/message").asText())
                .isEqualTo("signed by 'supplier:viriy', but this step is for 'supplier:skyforge'");
    }

    @Test
    void aSignatureOverADifferentDocumentIsRefused() {
        Long documentId = fixtures.issueCertificate();
        Long otherId = fixtures.issueCertificate();
        SigningFixtures.SignerTool supplier = fixtures.signer(SigningFixtures.SUPPLIER);
        JsonNode request = fixtures.requestSignature(documentId, supplier).getBody();
        JsonNode otherRequest = fixtures.requestSignature(otherId, supplier).getBody();

        ResponseEntity<JsonNode> response = fixtures.submit(documentId, request, supplier.sign(otherRequest));

        assertRefusedWithoutChange(documentId, response, "HASH_FAILURE");
    }

    @Test
    void aSignatureReplayedFromAnotherDocumentIsRefused() throws Exception {
        Long signedId = signedBySupplierExternally();
        byte[] replayed;
        try (PDDocument signed = Loader.loadPDF(content(signedId));
             ASN1InputStream in = new ASN1InputStream(signed.getSignatureDictionaries().get(0).getContents())) {
            replayed = in.readObject().getEncoded(ASN1Encoding.DER);
        }
        Long documentId = fixtures.issueCertificate();
        JsonNode request = fixtures.requestSignature(documentId, fixtures.signer(SigningFixtures.SUPPLIER)).getBody();

        ResponseEntity<JsonNode> response = fixtures.submit(documentId, request, replayed);

        assertRefusedWithoutChange(documentId, response, "HASH_FAILURE");
    }

    private Long signedBySupplier() {
        Long documentId = fixtures.issueCertificate();
        assertThat(fixtures.signWithDevelopmentKey(documentId).getStatusCode()).isEqualTo(HttpStatus.OK);
        return documentId;
    }

    private Long signedBySupplierExternally() {
        Long documentId = fixtures.issueCertificate();
        assertThat(fixtures.signExternally(documentId, fixtures.signer(SigningFixtures.SUPPLIER)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        return documentId;
    }

    /** 422 with the report naming the reason; the stored document, its round and its signatures are as they were. */
    private void assertRefusedWithoutChange(Long documentId, ResponseEntity<JsonNode> response, String subIndication) {
        byte[] before = content(documentId);
        int signaturesBefore = signatures(documentId);
        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "The signature was not accepted");
        assertThat(response.getBody().at("/report/subIndication").asText()).isEqualTo(subIndication);
        assertThat(content(documentId)).isEqualTo(before);
        assertThat(signatures(documentId)).isEqualTo(signaturesBefore);
        JsonNode document = fixtures.document(documentId);
        assertThat(document.at("/turn/stepNumber").asInt()).isEqualTo(signaturesBefore + 1);
        assertThat(db.queryForObject("select count(*) from audit_entry a join document d on d.number = a.subject_id "
                + "where d.id = ? and a.action = 'SIGNATURE_REJECTED'", Integer.class, documentId)).isPositive();
    }

    private byte[] content(Long documentId) {
        return db.queryForObject("select content from document where id = ?", byte[].class, documentId);
    }

    private int signatures(Long documentId) {
        return db.queryForObject("select count(*) from signature where document_id = ?", Integer.class, documentId);
    }

    private void store(Long documentId, byte[] pdf) {
        db.update("update document set content = ? where id = ?", pdf, documentId);
    }

    private static int indexOf(byte[] pdf, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i <= pdf.length - needle.length; i++) {
            if (Arrays.equals(pdf, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found in the PDF");
    }
}

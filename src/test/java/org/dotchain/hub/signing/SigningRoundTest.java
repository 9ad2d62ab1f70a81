package org.dotchain.hub.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signing rounds over the REST API: three parties one after another, development and external signing. */
@HubIntegrationTest
class SigningRoundTest {

    @Autowired
    SigningFixtures fixtures;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;

    @Test
    void threeSequentialSignaturesAllVerifyAfterTheLast() throws Exception {
        Long documentId = fixtures.issueCertificate();
        byte[] unsigned = pdf(documentId);

        for (int step = 1; step <= 3; step++) {
            ResponseEntity<JsonNode> signed = fixtures.signWithDevelopmentKey(documentId);
            assertThat(signed.getStatusCode()).as("step %d: %s", step, signed.getBody()).isEqualTo(HttpStatus.OK);
        }

        JsonNode report = fixtures.verificationReport(documentId);
        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(report.get("revisions").asInt()).isEqualTo(3);
        JsonNode signatures = report.get("signatures");
        assertThat(signatures).hasSize(3);
        assertSignature(signatures.get(0), 1, "sig1-supplier-skyforge", "supplier:skyforge", "SHA256withECDSA");
        assertSignature(signatures.get(1), 2, "sig2-unit-signatory-signatory-a1001", "signatory.a1001",
                "SHA256withRSA");
        assertSignature(signatures.get(2), 3, "sig3-dpa-signatory-dpa-signatory", "dpa.signatory", "SHA256withRSA");

        byte[] finalPdf = pdf(documentId);
        assertThat(Arrays.copyOf(finalPdf, unsigned.length)).as("incremental updates only").isEqualTo(unsigned);
        try (PDDocument document = Loader.loadPDF(finalPdf)) {
            assertThat(document.getSignatureFields()).extracting(PDSignatureField::getPartialName)
                    .containsExactly("sig1-supplier-skyforge", "sig2-unit-signatory-signatory-a1001",
                            "sig3-dpa-signatory-dpa-signatory");
            assertThat(document.getSignatureDictionaries()).allSatisfy(signature ->
                    assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached"));
        }
        JsonNode document = fixtures.document(documentId);
        assertThat(document.get("signingStatus").asText()).isEqualTo("COMPLETED");
        assertThat(document.get("turn").isNull()).isTrue();
        assertThat(document.get("steps")).allSatisfy(step -> assertThat(step.get("signedAt").isNull()).isFalse());
        assertThat(db.queryForList("select action from audit_entry where subject_id = ? order by id", String.class,
                document.get("number").asText()))
                .containsExactly("DOCUMENT_ISSUED", "DOCUMENT_SIGNED", "DOCUMENT_SIGNED", "DOCUMENT_SIGNED",
                        "DOCUMENT_VERIFIED");
    }

    @Test
    void externalSigningNeedsNoPrivateKeyOnTheHub() {
        Long documentId = fixtures.issueCertificate();
        List<SigningFixtures.SignerTool> tools = List.of(fixtures.signer(SigningFixtures.SUPPLIER),
                fixtures.signer(SigningFixtures.UNIT), fixtures.signer(SigningFixtures.DPA));

        for (SigningFixtures.SignerTool tool : tools) {
            ResponseEntity<JsonNode> created = fixtures.requestSignature(documentId, tool);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getHeaders().getLocation().getPath())
                    .isEqualTo("/api/documents/" + documentId + "/signing-requests/" + created.getBody().get("id").asText());
            assertThat(created.getBody().get("digestAlgorithm").asText()).isEqualTo("SHA-256");
            ResponseEntity<JsonNode> accepted = fixtures.submit(documentId, created.getBody(),
                    tool.sign(created.getBody()));
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        JsonNode report = fixtures.verificationReport(documentId);
        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(report.get("signatures")).extracting(signature -> signature.get("signerName").asText())
                .containsExactly("Skyforge Dynamics LLC", "Olena Kovalenko", "Andrii Melnyk");
        assertThat(db.queryForObject("select count(*) from signature s join document d on d.id = s.document_id "
                + "where d.id = ?", Integer.class, documentId)).isEqualTo(3);
    }

    @Test
    void refusesSigningOutOfTurnTwiceOrAfterCompletion() {
        Long documentId = fixtures.issueCertificate();
        SigningFixtures.SignerTool supplier = fixtures.signer(SigningFixtures.SUPPLIER);

        ResponseEntity<JsonNode> outOfTurn = fixtures.requestSignature(documentId, fixtures.signer(SigningFixtures.DPA));
        assertProblem(outOfTurn, HttpStatus.CONFLICT, "It is not the turn of 'dpa.signatory'");

        assertThat(fixtures.signExternally(documentId, supplier).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> twice = fixtures.requestSignature(documentId, supplier);
        assertProblem(twice, HttpStatus.CONFLICT, "'supplier:skyforge' has already signed");

        fixtures.signWithDevelopmentKey(documentId);
        fixtures.signWithDevelopmentKey(documentId);
        ResponseEntity<JsonNode> afterCompletion = fixtures.signWithDevelopmentKey(documentId);
        assertProblem(afterCompletion, HttpStatus.CONFLICT, "already signed by all its signers");
        assertThat(fixtures.verificationReport(documentId).get("indication").asText()).isEqualTo("TOTAL_PASSED");
    }

    @Test
    void aSigningRequestIsUsedOnceAndOnlyWhileTheDocumentIsUnchanged() {
        Long documentId = fixtures.issueCertificate();
        SigningFixtures.SignerTool supplier = fixtures.signer(SigningFixtures.SUPPLIER);
        JsonNode first = fixtures.requestSignature(documentId, supplier).getBody();
        JsonNode second = fixtures.requestSignature(documentId, supplier).getBody();

        assertThat(fixtures.submit(documentId, first, supplier.sign(first)).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertProblem(fixtures.submit(documentId, first, supplier.sign(first)), HttpStatus.CONFLICT,
                "has already been used");
        assertProblem(fixtures.submit(documentId, second, supplier.sign(second)), HttpStatus.CONFLICT,
                "no longer the document's turn");
    }

    @Test
    void servesThePdfAndAnswersUnknownDocumentsAndBadInputWithProblemJson() throws Exception {
        Long documentId = fixtures.issueCertificate();

        ApiClient.As supplier = api.as("skyforge.agent");
        ResponseEntity<byte[]> pdf = supplier.get("/api/documents/" + documentId + "/pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).as(new String(pdf.getBody())).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).startsWith("AC-T-").endsWith(".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }

        assertProblem(supplier.get("/api/documents/987654321"), HttpStatus.NOT_FOUND, "No document 987654321");
        assertProblem(api.as("orderer.a2002").get("/api/documents/" + documentId), HttpStatus.NOT_FOUND,
                "No document " + documentId);
        assertProblem(api.as("viriy.agent").get("/api/documents/" + documentId + "/pdf"), HttpStatus.NOT_FOUND,
                "No document " + documentId);
        assertProblem(supplier.post("/api/documents/" + documentId + "/signing-requests",
                java.util.Map.of("certificate", "not base64!")), HttpStatus.BAD_REQUEST, "not base64");
        assertProblem(supplier.post("/api/documents/" + documentId + "/signing-requests",
                java.util.Map.of("certificate", "AAAA")), HttpStatus.BAD_REQUEST, "Not an X.509 certificate");
        assertProblem(api.anonymous().getForEntity("/api/documents/" + documentId, JsonNode.class),
                HttpStatus.UNAUTHORIZED, "Log in with POST /api/auth/tokens");
    }

    private byte[] pdf(Long documentId) {
        return api.as("dpa.signatory").get("/api/documents/" + documentId + "/pdf", byte[].class).getBody();
    }

    private static void assertSignature(JsonNode signature, int revision, String field, String identity,
                                        String algorithm) {
        assertThat(signature.get("revision").asInt()).isEqualTo(revision);
        assertThat(signature.get("fieldName").asText()).isEqualTo(field);
        assertThat(signature.get("signerIdentity").asText()).isEqualTo(identity);
        assertThat(signature.get("signatureAlgorithm").asText()).isEqualTo(algorithm);
        assertThat(signature.get("integrity").asText()).isEqualTo("PASSED");
        assertThat(signature.get("certificateChain").asText()).isEqualTo("PASSED");
        assertThat(signature.get("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("signingTime").asText()).isNotBlank();
    }
}

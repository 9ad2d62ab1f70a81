package org.dotchain.hub.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
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
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.access.MilitaryUnitRepository;
import org.dotchain.hub.documents.SampleDocuments;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Issues acceptance certificates for signature and plays the signers' own tools, with keys only the test holds. */
@Component
class SigningFixtures {

    static final RequiredSigner SUPPLIER = new RequiredSigner("SUPPLIER", "supplier:skyforge", "Skyforge Dynamics LLC",
            "Skyforge Dynamics LLC");
    static final RequiredSigner UNIT = new RequiredSigner("UNIT_SIGNATORY", "signatory.a1001", "Olena Kovalenko",
            "Військова частина А1001");
    static final RequiredSigner DPA = new RequiredSigner("DPA_SIGNATORY", "dpa.signatory", "Andrii Melnyk",
            "Defence Procurement Agency");

    private final SigningService signing;
    private final DevelopmentCertificateAuthority developmentCa;
    private final ApiClient api;
    private final MilitaryUnitRepository units;
    private final SupplierRepository suppliers;

    SigningFixtures(SigningService signing, DevelopmentCertificateAuthority developmentCa, ApiClient api,
                    MilitaryUnitRepository units, SupplierRepository suppliers) {
        this.signing = signing;
        this.developmentCa = developmentCa;
        this.api = api;
        this.units = units;
        this.suppliers = suppliers;
    }

    /** The demo account that signs for an identity: a supplier's agent, or the person of that username. */
    static String usernameOf(String identity) {
        return identity.startsWith("supplier:") ? identity.substring("supplier:".length()) + ".agent" : identity;
    }

    /** A fresh acceptance certificate for supplier, unit and DPA to sign, in that order; returns its document id. */
    Long issueCertificate() {
        String number = "AC-T-" + UUID.randomUUID().toString().substring(0, 8);
        return signing.issue(SampleDocuments.acceptanceCertificate(number), List.of(SUPPLIER, UNIT, DPA),
                units.findByCode("A1001").orElseThrow().getId(), suppliers.findByCode("skyforge").orElseThrow().getId())
                .getDocument().getId();
    }

    /** A signer's own key pair and a certificate from the development CA for it. */
    SignerTool signer(RequiredSigner who) {
        return signer(who.identity(), who.signerName(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(30)), developmentCa);
    }

    SignerTool signer(String identity, String name, Instant notBefore, Instant notAfter,
                      DevelopmentCertificateAuthority authority) {
        KeyPair keys = identity.startsWith("supplier:") ? ec() : rsa();
        return new SignerTool(usernameOf(identity), keys,
                authority.certify(identity, name, keys.getPublic(), notBefore, notAfter));
    }

    ResponseEntity<JsonNode> requestSignature(Long documentId, SignerTool signer) {
        return api.as(signer.username()).post("/api/documents/" + documentId + "/signing-requests",
                Map.of("certificate", base64(signer.certificateDer())));
    }

    /** Submitted by the signer the request was made for. */
    ResponseEntity<JsonNode> submit(Long documentId, JsonNode request, byte[] cms) {
        String identity = document(documentId).at("/turn/signerIdentity").asText(SUPPLIER.identity());
        return api.as(usernameOf(identity)).put("/api/documents/" + documentId + "/signing-requests/"
                + request.get("id").asText() + "/signature", Map.of("cms", base64(cms)));
    }

    /** The whole external path for one signer: request, sign the digest with the signer's own key, submit. */
    ResponseEntity<JsonNode> signExternally(Long documentId, SignerTool signer) {
        JsonNode request = requestSignature(documentId, signer).getBody();
        return submit(documentId, request, signer.sign(request));
    }

    /** Signed by whoever's turn it is, with the development key issued to them; by the DPA once all have signed. */
    ResponseEntity<JsonNode> signWithDevelopmentKey(Long documentId) {
        String identity = document(documentId).at("/turn/signerIdentity").asText(DPA.identity());
        return api.as(usernameOf(identity)).post("/api/documents/" + documentId + "/development-signatures", null);
    }

    JsonNode document(Long documentId) {
        return api.as(usernameOf(DPA.identity())).get("/api/documents/" + documentId).getBody();
    }

    JsonNode verificationReport(Long documentId) {
        return api.as(usernameOf(DPA.identity())).get("/api/documents/" + documentId + "/verification-report")
                .getBody();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a signer's own signing tool holds: a private key the hub never sees, and its certificate chain. */
    record SignerTool(String username, KeyPair keys, List<X509Certificate> chain) {

        byte[] certificateDer() {
            try {
                return chain.get(0).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signs the digest from a signing request: the tool sees the digest, never the document. */
        byte[] sign(JsonNode signingRequest) {
            byte[] digest = Base64.getDecoder().decode(signingRequest.get("contentDigest").asText());
            String algorithm = keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return PadesCmsBuilder.sign(digest, keys.getPrivate(), algorithm, chain);
        }
    }
}

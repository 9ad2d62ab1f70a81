package org.dotchain.hub.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Base64;
import java.util.UUID;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.MultiLine;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A document's signing round: who signs it in which order and whose turn it is, external and development
 * signatures, the verification report. The PDF itself is the documents feature's, under the same path.
 */
@RestController
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY', 'SUPPLIER', 'DPA_ADMIN', 'DPA_SIGNATORY')")
@RequestMapping("/api/documents/{documentId}")
@Tag(name = "Documents", description = "Documents of the supply cycle, their signing rounds and signatures")
class SigningController {

    private final SigningService signing;

    SigningController(SigningService signing) {
        this.signing = signing;
    }

    @GetMapping
    @Operation(summary = "The document, its signers in order and whose turn it is")
    DocumentView document(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId) {
        return DocumentView.of(signing.round(documentId, caller));
    }

    @PostMapping("/signing-requests")
    @Operation(summary = "External signing, step 1: prepare the next signature for the signer named by the certificate",
            description = "The response carries the digest of the PDF's byte range; the signer's own tool signs it "
                    + "(PAdES baseline B: CMS with content-type, message-digest and signing-certificate-v2) and "
                    + "sends the CMS back with step 2. The hub never holds the signer's key.")
    ResponseEntity<SigningRequestView> requestSignature(@AuthenticationPrincipal HubUser caller,
                                                        @PathVariable Long documentId,
                                                        @Valid @RequestBody CertificateUpload upload) {
        SigningRequest request = signing.requestSignature(documentId,
                Base64Body.decode(upload.certificate(), "certificate"), caller);
        return ResponseEntity.created(URI.create("/api/documents/" + documentId + "/signing-requests/" + request.getId()))
                .body(SigningRequestView.of(documentId, request));
    }

    @PutMapping("/signing-requests/{requestId}/signature")
    @Operation(summary = "External signing, step 2: the signer's CMS signature over the digest of step 1",
            description = "Accepted only if every signature of the new revision verifies; otherwise 422 with the "
                    + "verification report, and nothing changes.")
    DocumentView submitSignature(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId,
                                 @PathVariable UUID requestId, @Valid @RequestBody SignatureUpload upload) {
        return DocumentView.of(signing.submitSignature(documentId, requestId, Base64Body.decode(upload.cms(), "cms"),
                caller));
    }

    @PostMapping("/development-signatures")
    @Operation(summary = "Sign with the development CA's key issued to you, when it is your turn (demo and tests only)")
    DocumentView signWithDevelopmentKey(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId) {
        return DocumentView.of(signing.signWithDevelopmentKey(documentId, caller));
    }

    @GetMapping("/verification-report")
    @Operation(summary = "Verify every signature of the document: a report per signature, after ETSI EN 319 102-1")
    VerificationReport verificationReport(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId) {
        return signing.verify(documentId, caller);
    }

    /** @param certificate the signer's X.509 certificate, DER in base64 */
    record CertificateUpload(@NotBlank @Size(max = 100_000) @Schema(example = "MIIB8jCCAZigAwIBAgII...")
                             @MultiLine String certificate) {
    }

    /** @param cms the detached CMS SignedData, DER in base64 */
    record SignatureUpload(@NotBlank @Size(max = 100_000) @Schema(example = "MIAGCSqGSIb3DQEHAqCAMIACAQEx...")
                           @MultiLine String cms) {
    }

    record SigningRequestView(UUID id, Long documentId, int stepNumber, String fieldName, String digestAlgorithm,
                              String contentDigest, String byteRange) {

        static SigningRequestView of(Long documentId, SigningRequest request) {
            SigningStep step = request.getRound().getSteps().get(request.getStepNumber() - 1);
            return new SigningRequestView(request.getId(), documentId, request.getStepNumber(), step.getFieldName(),
                    "SHA-256", Base64.getEncoder().encodeToString(request.getContentDigest()), request.getByteRange());
        }
    }

    private static final class Base64Body {
        static byte[] decode(String value, String field) {
            try {
                return Base64.getMimeDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + field + "' is not base64: " + e.getMessage(), e);
            }
        }
    }
}

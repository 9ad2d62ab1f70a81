package org.dotchain.hub.settlement;

import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.dotchain.hub.signing.DocumentView;
import org.dotchain.hub.signing.SigningService;
import org.dotchain.hub.signing.VerificationReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Acceptance certificates as pages: each with its three signature steps (who signed, when, whose turn), the
 * verification of the signatures so far in words, the PDF, and the sign action for whoever's turn it is.
 */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY', 'DPA_ADMIN', 'DPA_SIGNATORY', 'SUPPLIER')")
class CertificatePages {

    /** A certificate with its round, and whether it is the reader's turn to sign. */
    record Card(AcceptanceCertificates.CertificateView certificate, DocumentView document, boolean myTurn) {
    }

    private final AcceptanceCertificates certificates;
    private final SigningService signing;

    CertificatePages(AcceptanceCertificates certificates, SigningService signing) {
        this.certificates = certificates;
        this.signing = signing;
    }

    @GetMapping("/certificates")
    String certificates(@AuthenticationPrincipal HubUser caller,
                        @RequestParam(required = false) AcceptanceCertificate.Status status, Model model) {
        boolean all = caller.isAgencyStaff();
        List<Card> cards = certificates.visibleTo(caller.unitId(), caller.supplierId(), all, status).stream()
                .filter(certificate -> certificate.documentId() != null)
                .map(certificate -> {
                    DocumentView document = DocumentView.of(signing.round(certificate.documentId(), caller));
                    return new Card(certificate, document, document.turn() != null
                            && (caller.has(Role.UNIT_SIGNATORY) || caller.has(Role.DPA_SIGNATORY))
                            && document.turn().signerIdentity().equals(caller.signerIdentity()));
                }).toList();
        model.addAttribute("cards", cards);
        model.addAttribute("status", status);
        model.addAttribute("statuses", AcceptanceCertificate.Status.values());
        return "settlement/certificates";
    }

    /** The signatures so far, verified on the reader's asking (each verification is audited), in words. */
    @GetMapping("/certificates/{documentId}/verification")
    String verification(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId, Model model) {
        model.addAttribute("document", DocumentView.of(signing.round(documentId, caller)));
        model.addAttribute("report", signing.verify(documentId, caller));
        return "settlement/verification";
    }

    @PostMapping("/certificates/{documentId}/signature")
    @PreAuthorize("hasAnyRole('UNIT_SIGNATORY', 'DPA_SIGNATORY')")
    String sign(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId, RedirectAttributes next) {
        try {
            signing.signWithDevelopmentKey(documentId, caller);
            next.addFlashAttribute("notice", "certificates.signed");
        } catch (Refusal refused) {
            PageRefusals.show(refused, next);
        }
        return "redirect:/certificates";
    }
}

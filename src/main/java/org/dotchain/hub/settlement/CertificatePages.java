package org.dotchain.hub.settlement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.platform.LiveUpdates;
import org.dotchain.hub.signing.DocumentView;
import org.dotchain.hub.signing.PageSigning;
import org.dotchain.hub.signing.SigningService;
import org.dotchain.hub.signing.VerificationReport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Acceptance certificates as pages: each with its three signature steps (who signed, when, whose turn), the
 * verification of the signatures so far in words, the PDF, and the sign action for whoever's turn it is.
 */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY', 'DPA_ADMIN', 'DPA_SIGNATORY', 'SUPPLIER')")
class CertificatePages {

    /** The most certificates one page follows live: a page shows no more at a time. */
    static final int FOLLOWED_AT_MOST = 100;

    /** A certificate with its round, and whether it is the reader's turn to sign. */
    record Card(AcceptanceCertificates.CertificateView certificate, DocumentView document, boolean myTurn) {
    }

    private final AcceptanceCertificates certificates;
    private final SigningService signing;
    private final PageSigning pageSigning;
    private final LiveUpdates live;

    CertificatePages(AcceptanceCertificates certificates, SigningService signing, PageSigning pageSigning,
                     LiveUpdates live) {
        this.pageSigning = pageSigning;
        this.certificates = certificates;
        this.signing = signing;
        this.live = live;
    }

    @GetMapping("/certificates")
    String certificates(@AuthenticationPrincipal HubUser caller,
                        @RequestParam(required = false) AcceptanceCertificate.Status status, Model model) {
        List<Card> cards = cards(caller, status);
        model.addAttribute("cards", cards);
        model.addAttribute("status", status);
        model.addAttribute("statuses", AcceptanceCertificate.Status.values());
        model.addAttribute("shown", String.join(",", cards.stream().map(card -> card.certificate().documentId()
                + ":" + signed(card.document())).toList()));
        return "settlement/certificates";
    }

    /** One certificate's card, as the page swaps it in when one of its signatures is made. */
    @GetMapping("/certificates/{documentId}/card")
    String card(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId, Model model) {
        // the fragment is the list's item: a list of the one card
        model.addAttribute("cards", List.of(visible(caller, null)
                .filter(certificate -> certificate.documentId().equals(documentId)).findFirst()
                .map(certificate -> card(certificate, caller))
                .orElseThrow(() -> new NoSuchElementException("No certificate with document " + documentId))));
        return "settlement/certificates :: card";
    }

    /**
     * The signatures of the page's certificates as they are made: an event "signed-&lt;document&gt;" with how many
     * steps are signed, on which the page fetches that certificate's card again; no stream (204, which ends the
     * page's asking) once none of them waits for a signature.
     *
     * @param shown the page's certificates as it shows them: document:signed steps, comma-separated
     */
    @GetMapping(value = "/certificates/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> events(@AuthenticationPrincipal HubUser caller,
                                      @RequestParam(defaultValue = "") String shown) {
        Map<String, String> seen = new HashMap<>();
        Map<Long, Integer> steps = new HashMap<>();
        for (String one : shown.split(",")) {
            String[] parts = one.split(":");
            if (steps.size() == FOLLOWED_AT_MOST || parts.length != 2 || !parts[0].matches("\\d{1,18}")
                    || !parts[1].matches("\\d{1,2}")) {
                continue;
            }
            Long documentId = Long.valueOf(parts[0]);
            try {
                DocumentView document = DocumentView.of(signing.round(documentId, caller));
                if (document.turn() != null) {
                    steps.put(documentId, document.steps().size());
                    seen.put("signed-" + documentId, parts[1]);
                }
            } catch (NoSuchElementException notTheirs) {
                // a document the caller may not see is followed no more than one that is not there
            }
        }
        if (steps.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(live.follow(seen, () -> {
            Map<Long, Long> signed = signing.signedSteps(steps.keySet());
            Map<String, String> now = new HashMap<>();
            signed.forEach((documentId, count) -> now.put("signed-" + documentId, String.valueOf(count)));
            boolean allSigned = steps.entrySet().stream()
                    .allMatch(document -> signed.get(document.getKey()) >= document.getValue());
            return new LiveUpdates.Look(now, allSigned);
        }));
    }

    private List<Card> cards(HubUser caller, AcceptanceCertificate.Status status) {
        return visible(caller, status).map(certificate -> card(certificate, caller)).toList();
    }

    private Stream<AcceptanceCertificates.CertificateView> visible(HubUser caller,
                                                                   AcceptanceCertificate.Status status) {
        return certificates.visibleTo(caller.unitId(), caller.supplierId(), caller.isAgencyStaff(), status).stream()
                .filter(certificate -> certificate.documentId() != null);
    }

    /** A certificate with its round: the one document read per card. */
    private Card card(AcceptanceCertificates.CertificateView certificate, HubUser caller) {
        DocumentView document = DocumentView.of(signing.round(certificate.documentId(), caller));
        return new Card(certificate, document, document.turn() != null
                && (caller.has(Role.UNIT_SIGNATORY) || caller.has(Role.DPA_SIGNATORY))
                && document.turn().signerIdentity().equals(caller.signerIdentity()));
    }

    private static long signed(DocumentView document) {
        return document.steps().stream().filter(step -> step.signedAt() != null).count();
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
        pageSigning.sign(() -> documentId, caller, "certificates.signed", next);
        return "redirect:/certificates";
    }
}

package org.dotchain.hub.documents;

import org.dotchain.hub.access.HubUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A document's PDF for the pages' logged-in people, as the API gives it to a token. */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY', 'SUPPLIER', 'DPA_ADMIN', 'DPA_SIGNATORY')")
class DocumentPages {

    private final DocumentReading reading;

    DocumentPages(DocumentReading reading) {
        this.reading = reading;
    }

    @GetMapping("/documents/{documentId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId) {
        return DocumentController.pdfOf(reading.readable(documentId, caller));
    }
}

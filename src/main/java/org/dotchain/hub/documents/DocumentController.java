package org.dotchain.hub.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dotchain.hub.access.HubUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A document's PDF; its signing round and signatures are the signing feature's, under the same path. */
@RestController
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY', 'SUPPLIER', 'DPA_ADMIN', 'DPA_SIGNATORY')")
@RequestMapping("/api/documents/{documentId}")
@Tag(name = "Documents", description = "Documents of the supply cycle, their signing rounds and signatures")
class DocumentController {

    private final DocumentReading reading;

    DocumentController(DocumentReading reading) {
        this.reading = reading;
    }

    @GetMapping("/pdf")
    @Operation(summary = "The PDF in its latest revision, with every signature so far",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)))
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId) {
        return pdfOf(reading.readable(documentId, caller));
    }

    /** The PDF as a download named after the document, tagged with its hash; for the pages too. */
    static ResponseEntity<byte[]> pdfOf(Document document) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.getNumber() + ".pdf").build().toString())
                .header(HttpHeaders.ETAG, "\"" + document.getSha256() + "\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(document.getContent());
    }
}

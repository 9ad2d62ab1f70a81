package org.dotchain.hub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signatories", description = "Who signs acceptance certificates for the DPA: its signatory on duty")
class SignatoryController {

    private final Signatories signatories;

    SignatoryController(Signatories signatories) {
        this.signatories = signatories;
    }

    record OnDuty(@NotBlank @Size(max = 64) @Schema(example = "dpa.signatory") String username) {
    }

    @GetMapping("/api/admin/signatories/on-duty")
    @PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
    @Operation(summary = "The DPA's signatory of new acceptance certificates: the one named on duty, or the only one; "
            + "204 while there is neither")
    ResponseEntity<Signatories.Signatory> onDuty() {
        return signatories.ofDpa().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/admin/signatories/on-duty")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Name the DPA's signatory on duty: the DPA's signer of every certificate prepared from now on")
    Signatories.Signatory nameOnDuty(@AuthenticationPrincipal HubUser admin, @Valid @RequestBody OnDuty onDuty) {
        return signatories.nameOnDuty(admin.username(), onDuty.username());
    }
}

package org.dotchain.hub.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Acceptance certificates", description = "What suppliers certified, who signs next, what is paid")
class CertificateController {

    private final AcceptanceCertificates certificates;

    CertificateController(AcceptanceCertificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/api/certificates")
    @Operation(summary = "Acceptance certificates, newest first, optionally of one status: the unit's for its people, "
            + "the supplier's for its people, all for the DPA and operators; sign one at /api/documents/{documentId}")
    List<AcceptanceCertificates.CertificateView> list(@AuthenticationPrincipal HubUser caller,
                               @RequestParam(required = false) AcceptanceCertificate.Status status) {
        boolean all = caller.isAgencyStaff() || caller.has(Role.OPERATOR);
        return certificates.visibleTo(caller.unitId(), caller.supplierId(), all, status);
    }

    record Assignment(@NotBlank @Size(max = 64) @Schema(example = "dpa.signatory") String username) {
    }

    @PostMapping("/api/admin/certificates/{certificateNumber}/dpa-signatory")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Name the DPA's signatory of one certificate, in place of the one on duty, until the DPA "
            + "has signed it")
    AcceptanceCertificates.CertificateView assign(@AuthenticationPrincipal HubUser admin,
                                                  @PathVariable String certificateNumber,
                                                  @Valid @RequestBody Assignment assignment) {
        return certificates.assignDpaSignatory(admin.username(), certificateNumber, assignment.username());
    }
}

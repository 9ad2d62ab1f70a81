package org.dotchain.hub.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('OPERATOR', 'DPA_ADMIN', 'DPA_SIGNATORY')")
@Tag(name = "Audit", description = "The append-only, hash-chained audit log and its sealed checkpoints")
class AuditController {

    private final AuditChainVerification verification;

    AuditController(AuditChainVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verification")
    @Operation(summary = "Walk the whole audit chain against the sealed checkpoints and name the first entry that "
            + "does not match")
    AuditVerification verify() {
        return verification.verify();
    }
}

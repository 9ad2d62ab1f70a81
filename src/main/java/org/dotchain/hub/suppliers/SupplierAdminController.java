package org.dotchain.hub.suppliers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.dotchain.hub.platform.MultiLine;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/suppliers")
@PreAuthorize("hasRole('DPA_ADMIN')")
@Tag(name = "Suppliers", description = "The DPA's suppliers: their framework agreements, suspension and resumption. "
        + "A supplier is registered by its connector file (connectors/<code>.camel.yaml).")
class SupplierAdminController {

    private final SupplierAgreements agreements;

    SupplierAdminController(SupplierAgreements agreements) {
        this.agreements = agreements;
    }

    record Agreement(@NotBlank @Size(max = 40) @Schema(example = "FA-2026/017") String number,
                     @NotNull @Schema(example = "2026-11-20") LocalDate signedOn,
                     @NotNull @Schema(example = "2026-12-01") LocalDate validFrom,
                     @NotNull @Schema(example = "2027-11-30") LocalDate validUntil,
                     @NotEmpty @ArraySchema(arraySchema = @Schema(description = "Each product type it covers, with "
                             + "the highest unit price in UAH, e.g. {\"productType\": \"FPV\", \"maxUnitPrice\": "
                             + "25000.00}")) @Valid List<FrameworkAgreement.Item> items) {
    }

    record Suspension(@NotBlank @Size(max = 500)
                      @Schema(example = "Deliveries under agreement FA-2026/017 are under review") @MultiLine
                      String reason) {
    }

    @GetMapping
    @Operation(summary = "Every supplier: connected, suspended, its agreements and whether each is in force")
    List<SupplierAgreements.SupplierView> suppliers() {
        return agreements.all();
    }

    @GetMapping("/{supplierCode}")
    @Operation(summary = "One supplier with its agreements")
    SupplierAgreements.SupplierView supplier(@PathVariable String supplierCode) {
        return agreements.one(supplierCode);
    }

    @PostMapping("/{supplierCode}/agreements")
    @Operation(summary = "Record a framework agreement: its number, dates, validity and the product types it covers",
            description = "Only while an agreement valid today covers a product's type is the product on the "
                    + "showcase and can be ordered; an offered price above the type's highest is refused.")
    ResponseEntity<SupplierAgreements.AgreementView> record(Principal admin, @PathVariable String supplierCode,
                                                            @Valid @RequestBody Agreement agreement) {
        SupplierAgreements.AgreementView recorded = agreements.record(admin.getName(), supplierCode,
                new SupplierAgreements.NewAgreement(agreement.number(), agreement.signedOn(), agreement.validFrom(),
                        agreement.validUntil(), agreement.items()));
        return ResponseEntity.created(URI.create("/api/admin/suppliers/" + supplierCode)).body(recorded);
    }

    @PostMapping("/{supplierCode}/suspension")
    @Operation(summary = "Suspend a supplier: its products leave the showcase at once and it takes no new order; "
            + "orders formed already go on to their end")
    SupplierAgreements.SupplierView suspend(Principal admin, @PathVariable String supplierCode,
                                            @Valid @RequestBody Suspension suspension) {
        return agreements.suspend(admin.getName(), supplierCode, suspension.reason());
    }

    @DeleteMapping("/{supplierCode}/suspension")
    @Operation(summary = "Resume a suspended supplier")
    SupplierAgreements.SupplierView resume(Principal admin, @PathVariable String supplierCode) {
        return agreements.resume(admin.getName(), supplierCode);
    }
}

package org.dotchain.hub.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.platform.MultiLine;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/catalog/offers")
@PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
@Tag(name = "Catalogue", description = "Suppliers' offers of products and prices, approved or rejected by the DPA. "
        + "Suppliers offer through their connectors (catalog-offer-v1); the answer goes back the same way.")
class CatalogAdminController {

    private final CatalogOffers offers;

    CatalogAdminController(CatalogOffers offers) {
        this.offers = offers;
    }

    record RecordedOffer(@NotBlank @Size(max = 32) @Schema(example = "skyforge") String supplierCode,
                         @NotBlank @Size(max = 64) @Schema(example = "SKF-2026-117") String offerNumber,
                         @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}")
                         @Schema(example = "SKF-FPV13") String productCode,
                         @NotBlank @Size(max = 200) @Schema(example = "Skyforge FPV-13 long-range strike drone")
                         String name,
                         @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z][A-Z_]{1,31}") @Schema(example = "FPV")
                         String productType,
                         @NotBlank @Size(max = 2000) @MultiLine String description,
                         @NotNull @Schema(example = "23900.00") BigDecimal unitPrice,
                         @NotNull @Min(0) @Max(365) @Schema(example = "21") Integer leadTimeDays,
                         @NotEmpty @Schema(description = "frequencyBands, camera, rangeKm, flightTimeMin, payloadKg, "
                                 + "weightKg, as in catalog-offer-v1", example = "{\"frequencyBands\": [\"5.8 GHz "
                                 + "video\"], \"camera\": \"CMOS 1500TVL analogue\", \"rangeKm\": 12, "
                                 + "\"flightTimeMin\": 14, \"payloadKg\": 2.0, \"weightKg\": 1.2}")
                         Map<String, Object> specifications) {
    }

    record Rejection(@NotBlank @Size(max = 500) @Schema(example = "The price is above the agreement's highest for FPV")
                     @MultiLine String reason) {
    }

    @GetMapping
    @Operation(summary = "Offers, oldest first; status PENDING for those waiting for a decision")
    List<CatalogOffers.OfferView> offers(@RequestParam(required = false) CatalogOffer.Status status) {
        return offers.list(status);
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "One offer, with the product's current price and the agreement's highest for its type")
    CatalogOffers.OfferView offer(@PathVariable Long offerId) {
        return offers.one(offerId);
    }

    @PostMapping
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Record an offer a supplier made outside its connector (on paper); no answer message")
    ResponseEntity<CatalogOffers.OfferView> record(Principal admin, @Valid @RequestBody RecordedOffer offer) {
        CatalogOffers.OfferView recorded = offers.record(admin.getName(), offer.supplierCode(),
                new CatalogOffers.Offer(offer.offerNumber(), offer.productCode(), offer.name(), offer.productType(),
                        offer.description(), offer.unitPrice(), offer.leadTimeDays(), offer.specifications()));
        return ResponseEntity.created(URI.create("/api/admin/catalog/offers/" + recorded.id())).body(recorded);
    }

    @PostMapping("/{offerId}/approval")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Approve an offer: a new product goes on the showcase, a new price becomes a price version",
            description = "Refused with 409 when no framework agreement in force covers the product's type, the "
                    + "supplier is suspended, or the price is above the agreement's highest for the type.")
    CatalogOffers.OfferView approve(Principal admin, @PathVariable Long offerId) {
        return offers.approve(admin.getName(), offerId);
    }

    @PostMapping("/{offerId}/rejection")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Reject an offer with the reason, which goes back to the supplier")
    CatalogOffers.OfferView reject(Principal admin, @PathVariable Long offerId,
                                   @Valid @RequestBody Rejection rejection) {
        return offers.reject(admin.getName(), offerId, rejection.reason());
    }
}

package org.dotchain.hub.ratings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.MultiLine;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Ratings", description = "Units rate what they received; the product card shows the average")
class RatingController {

    private final Ratings ratings;

    RatingController(Ratings ratings) {
        this.ratings = ratings;
    }

    record NewRating(@NotBlank @Size(max = 32) @Schema(example = "SKF-FPV7") String productCode,
                     @NotNull @Schema(example = "4", minimum = "1", maximum = "5") Integer score,
                     @Size(max = Ratings.MAX_COMMENT)
                     @Schema(example = "Reliable link, short flight time", maxLength = Ratings.MAX_COMMENT)
                     @MultiLine String comment) {
    }

    @PostMapping("/api/orders/{orderNumber}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
    @Operation(summary = "Rate a product of the unit's order, once, after its items are authorised for use")
    Ratings.RatingView rate(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber,
                            @Valid @RequestBody NewRating rating) {
        return ratings.rate(caller, orderNumber, rating.productCode(), rating.score(), rating.comment());
    }

    @GetMapping("/api/products/{productCode}/ratings")
    @PreAuthorize("hasAnyRole('SUPPLIER', 'DPA_ADMIN', 'DPA_SIGNATORY')")
    @Operation(summary = "A product's ratings, newest first, without the units that gave them: for its supplier's "
            + "people and the DPA")
    List<Ratings.RatingView> of(@AuthenticationPrincipal HubUser caller, @PathVariable String productCode) {
        return ratings.of(caller, productCode);
    }
}

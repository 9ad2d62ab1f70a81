package org.dotchain.hub.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.Paging;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
@Tag(name = "Showcase", description = "Drones that units can order")
public class ShowcaseController {

    /** What the showcase may be sorted by. */
    static final Set<String> SORTABLE = Set.of("code", "name", "unitPrice", "productType");

    private final Showcase showcase;
    private final CatalogOffers offers;

    ShowcaseController(Showcase showcase, CatalogOffers offers) {
        this.showcase = showcase;
        this.offers = offers;
    }

    @GetMapping
    @Operation(summary = "Search the showcase, paged and sorted",
            description = "Filters: type (FPV, RECON, BOMBER, ...), supplier (its code), inStock, minPrice and "
                    + "maxPrice in UAH, q (words in name or description), and any specification as "
                    + "spec.<name>=<text>, for example spec.camera=thermal. Sort by code, name, unitPrice, stock.")
    public PagedModel<ProductView> list(
            @RequestParam(required = false) @Size(max = 32) String type,
            @RequestParam(required = false) @Size(max = 32) String supplier,
            @RequestParam(required = false) Boolean inStock,
            @RequestParam(required = false) BigDecimal minPrice,
            @RequestParam(required = false) BigDecimal maxPrice,
            @RequestParam(required = false) @Size(max = 200) String q,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            @ParameterObject @PageableDefault(size = 20, sort = "code", direction = Sort.Direction.ASC) Pageable page) {
        Map<String, String> spec = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("spec.")) {
                if (name.length() > 64 || value.length() > 200) {
                    throw new InvalidFieldException(name, "A specification filter is up to 64 characters of name "
                            + "and 200 of text");
                }
                spec.put(name.substring("spec.".length()), value);
            }
        });
        ProductFilter filter = new ProductFilter(type, supplier, inStock, minPrice, maxPrice, q, spec);
        return new PagedModel<>(showcase.search(filter, Paging.checked(page, SORTABLE)));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One product card with all its specifications",
            description = "A product off the showcase (its supplier suspended, without an agreement in force, or no "
                    + "longer connected) still has its card, with offered false and the reason.")
    public ProductView card(@PathVariable String code) {
        return showcase.card(code);
    }

    @GetMapping("/{code}/prices")
    @Operation(summary = "Every price the product has had, by version: an order keeps the price it was placed at")
    public List<CatalogOffers.PriceView> prices(@PathVariable String code) {
        return offers.prices(code);
    }
}

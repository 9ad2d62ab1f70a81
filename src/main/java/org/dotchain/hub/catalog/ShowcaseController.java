package org.dotchain.hub.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/products")
@Tag(name = "Showcase", description = "Drones that units can order")
@Transactional(readOnly = true)
public class ShowcaseController {

    private final ProductRepository products;

    ShowcaseController(ProductRepository products) {
        this.products = products;
    }

    @GetMapping
    @Operation(summary = "List the products on the showcase, paged and sorted")
    public PagedModel<ProductView> list(
            @ParameterObject @PageableDefault(size = 20, sort = "code", direction = Sort.Direction.ASC) Pageable page) {
        return new PagedModel<>(products.findAll(page).map(ProductView::of));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One product card with all its specifications")
    public ProductView card(@PathVariable String code) {
        return products.findByCode(code).map(ProductView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No product with code " + code));
    }
}

package org.dotchain.hub.catalog;

import java.util.NoSuchElementException;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The showcase, for the API and the pages alike: what may be ordered today, searched, and each product's card. */
@Service
@Transactional(readOnly = true)
public class Showcase {

    private final ProductRepository products;
    private final SupplierOffering offering;

    Showcase(ProductRepository products, SupplierOffering offering) {
        this.products = products;
        this.offering = offering;
    }

    public Page<ProductView> search(ProductFilter filter, Pageable page) {
        return products.findAll(filter.toSpecification(offering), page).map(product -> ProductView.of(product, null));
    }

    /** A product's card, on the showcase or not: one off it says why. */
    public ProductView card(String code) {
        return products.findByCode(code).map(product -> ProductView.of(product, offering))
                .orElseThrow(() -> new NoSuchElementException("No product with code " + code));
    }
}

package org.dotchain.hub.catalog;

import java.math.BigDecimal;
import java.util.Map;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierOffering;

/** A product card as the showcase API shows it. */
public record ProductView(
        String code,
        String name,
        String type,
        String description,
        BigDecimal unitPrice,
        String currency,
        int stock,
        boolean inStock,
        int leadTimeDays,
        SupplierRef supplier,
        Map<String, Object> specifications,
        Rating rating,
        boolean offered,
        String notOfferedReason,
        SupplierOffering.Hindrance notOfferedBecause) {

    /** @param average the units' average score, 1 to 5, to one decimal; null while nobody has rated it */
    public record Rating(BigDecimal average, int count) {
    }

    public record SupplierRef(String code, String name) {
    }

    /** @param offering what says why a product is off the showcase; null for one known to be on it */
    static ProductView of(Product product, SupplierOffering offering) {
        Supplier supplier = product.getSupplier();
        SupplierOffering.Hindrance hindrance = offering == null ? null
                : offering.hindrance(supplier, product.getProductType()).orElse(null);
        String notOfferedReason = hindrance == null ? null
                : SupplierOffering.said(hindrance, supplier, product.getProductType());
        return new ProductView(product.getCode(), product.getName(), product.getProductType(),
                product.getDescription(), product.getUnitPrice(), "UAH", product.getStock(),
                product.getStock() > 0, product.getLeadTimeDays(),
                new SupplierRef(supplier.getCode(), supplier.getName()), product.getSpecifications(),
                new Rating(product.getAverageRating(), product.getRatingCount()), hindrance == null,
                notOfferedReason, hindrance);
    }
}

package org.dotchain.hub.catalog;

import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.springframework.data.jpa.domain.Specification;

/**
 * What a unit looks for on the showcase. Every part is optional.
 *
 * @param q      words in the name or description
 * @param spec   specification values that must contain the given text, such as {@code camera=thermal}
 */
public record ProductFilter(String type, String supplier, Boolean inStock, BigDecimal minPrice, BigDecimal maxPrice,
                            String q, Map<String, String> spec) {

    private static final char ESCAPE = '\\';

    /** Only what its supplier may offer today, then the filter's parts. */
    Specification<Product> toSpecification(SupplierOffering offering) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(offering.mayOffer(cb, query, root.get("supplier"), root.get("productType")));
            if (type != null) {
                where.add(cb.equal(root.get("productType"), type.toUpperCase(Locale.ROOT)));
            }
            if (supplier != null) {
                where.add(cb.equal(root.get("supplier").get("code"), supplier));
            }
            if (inStock != null) {
                where.add(inStock ? cb.greaterThan(root.get("stock"), 0) : cb.equal(root.get("stock"), 0));
            }
            if (minPrice != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("unitPrice"), minPrice));
            }
            if (maxPrice != null) {
                where.add(cb.lessThanOrEqualTo(root.get("unitPrice"), maxPrice));
            }
            if (q != null && !q.isBlank()) {
                String like = contains(q);
                where.add(cb.or(cb.like(cb.lower(root.get("name")), like, ESCAPE),
                        cb.like(cb.lower(root.get("description")), like, ESCAPE)));
            }
            if (spec != null) {
                spec.forEach((key, value) -> where.add(cb.like(cb.lower(cb.function("jsonb_extract_path_text",
                        String.class, root.get("specifications"), cb.literal(key))), contains(value), ESCAPE)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** A text searched for as it is typed: % and _ are letters here, not LIKE's wildcards. */
    private static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }
}

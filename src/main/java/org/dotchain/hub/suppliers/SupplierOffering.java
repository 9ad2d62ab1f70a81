package org.dotchain.hub.suppliers;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a supplier may offer a product type today, and so have it on the showcase and take new orders for it: its
 * connector file is there, the DPA has not suspended it, and a framework agreement valid today covers the type. The
 * same rule as a query predicate (for the showcase) and for one product (for carts and checkout).
 */
@Service
@Transactional(readOnly = true)
public class SupplierOffering {

    private final FrameworkAgreementRepository agreements;
    private final Clock clock;

    SupplierOffering(FrameworkAgreementRepository agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    /** What keeps a supplier from offering a type, for a page to say in its reader's language. */
    public enum Hindrance { DISCONNECTED, SUSPENDED, NO_AGREEMENT }

    /** What keeps the supplier from offering the type today; empty when it may. */
    public Optional<Hindrance> hindrance(Supplier supplier, String productType) {
        if (!supplier.isActive()) {
            return Optional.of(Hindrance.DISCONNECTED);
        }
        if (supplier.isSuspended()) {
            return Optional.of(Hindrance.SUSPENDED);
        }
        return priceCeiling(supplier, productType).isPresent() ? Optional.empty()
                : Optional.of(Hindrance.NO_AGREEMENT);
    }

    /** {@link #hindrance} in the API's words; empty when the supplier may offer the type. */
    public Optional<String> whyNot(Supplier supplier, String productType) {
        return hindrance(supplier, productType).map(hindrance -> said(hindrance, supplier, productType));
    }

    /** A hindrance in the API's words. */
    public static String said(Hindrance hindrance, Supplier supplier, String productType) {
        return switch (hindrance) {
            case DISCONNECTED -> supplier.getName() + " is no longer connected to the hub";
            case SUSPENDED -> supplier.getName() + " is suspended by the DPA";
            case NO_AGREEMENT -> supplier.getName() + " has no framework agreement in force for " + productType;
        };
    }

    /** A product as the rule sees it: whose it is, its type, its code. */
    public record Listing(Supplier supplier, String productType, String productCode) {
    }

    /** Refuses, with every reason, when the supplier of any of the products may not offer it today. */
    public void checkOffered(List<Listing> listings) {
        List<String> refused = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (Listing listing : listings) {
            whyNot(listing.supplier(), listing.productType()).ifPresent(why -> {
                refused.add(listing.productCode());
                reasons.add(why);
            });
        }
        if (!refused.isEmpty()) {
            throw new NotOfferedException(refused, String.join("; ", reasons));
        }
    }

    /** The highest unit price a framework agreement valid today allows for the type; empty if none covers it. */
    public Optional<BigDecimal> priceCeiling(Supplier supplier, String productType) {
        return agreements.findValidOn(supplier, LocalDate.now(clock)).stream()
                .flatMap(agreement -> agreement.getItems().stream())
                .filter(item -> item.productType().equals(productType))
                .map(FrameworkAgreement.Item::maxUnitPrice)
                .max(Comparator.naturalOrder());
    }

    /** {@link #whyNot} as a predicate on a query's supplier and product type: true where the supplier may offer. */
    public Predicate mayOffer(CriteriaBuilder cb, CriteriaQuery<?> query, Path<Supplier> supplier,
                              Path<String> productType) {
        LocalDate today = LocalDate.now(clock);
        Subquery<Long> covering = query.subquery(Long.class);
        Root<FrameworkAgreement> agreement = covering.from(FrameworkAgreement.class);
        Join<FrameworkAgreement, FrameworkAgreement.Item> item = agreement.join("items");
        covering.select(agreement.get("id")).where(cb.equal(agreement.get("supplier"), supplier),
                cb.equal(item.get("productType"), productType),
                cb.lessThanOrEqualTo(agreement.get("validFrom"), today),
                cb.greaterThanOrEqualTo(agreement.get("validUntil"), today));
        return cb.and(cb.isTrue(supplier.get("active")), cb.isNull(supplier.get("suspendedAt")), cb.exists(covering));
    }
}

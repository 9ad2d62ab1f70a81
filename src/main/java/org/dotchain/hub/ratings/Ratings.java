package org.dotchain.hub.ratings;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.catalog.Product;
import org.dotchain.hub.catalog.ProductRepository;
import org.dotchain.hub.ordering.OrderLine;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.dotchain.hub.ordering.PurchaseOrderRepository;
import org.dotchain.hub.platform.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units' ratings of what they received: a unit rates a product of one of its orders once, after its receiver signed
 * the expenditure invoice of those items (they are authorised for use); the product card shows the average and the
 * count, the supplier the scores and comments without the unit.
 */
@Service
@Transactional
public class Ratings {

    static final int MAX_COMMENT = 1000;

    /** A rating as its supplier and the DPA see it: no unit, no person. */
    public record RatingView(int score, String comment, Instant ratedAt) {
    }

    private final PurchaseOrderRepository orders;
    private final ProductRepository products;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;

    Ratings(PurchaseOrderRepository orders, ProductRepository products, EntityManager entityManager,
            AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.products = products;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    public RatingView rate(HubUser caller, String orderNumber, String productCode, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new InvalidFieldException("score", "A score is 1 to 5");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidFieldException("comment", "A comment has at most " + MAX_COMMENT + " characters");
        }
        PurchaseOrder order = orders.findByOrderNumberAndUnitId(orderNumber, caller.unitId())
                .orElseThrow(() -> new NoSuchElementException("No order " + orderNumber));
        OrderLine line = order.getLines().stream().filter(candidate -> candidate.getProductCode().equals(productCode))
                .findFirst().orElseThrow(() -> new InvalidFieldException("productCode", "Order " + orderNumber
                        + " has no line of " + productCode));
        if (!authorised(order, line)) {
            throw new RatingRefusedException("not-authorised", "The items of " + productCode + " on order "
                    + orderNumber + " are not authorised for use yet: rate them once their expenditure invoice is "
                    + "signed", productCode, orderNumber);
        }
        Long productId = line.getProduct().getId();
        // two ratings of one order at once: the second waits here and then finds the first
        entityManager.lock(order, LockModeType.PESSIMISTIC_WRITE);
        if (rated(order, productId)) {
            throw new RatingRefusedException("rated-already", "Order " + orderNumber + " rated " + productCode
                    + " already", productCode, orderNumber);
        }
        Instant now = clock.instant();
        ProductRating rating = new ProductRating(order.getId(), productId, caller.unitId(), score,
                comment == null || comment.isBlank() ? null : comment.strip(), caller.username(), now);
        entityManager.persist(rating);
        products.addRating(productId, score);
        audit.record(caller.username(), "PRODUCT_RATED", "product", productCode, "order=" + orderNumber
                + " score=" + score);
        return new RatingView(score, rating.getComment(), now);
    }

    /** The ratings of a product, newest first, for its supplier's people and the DPA. */
    @Transactional(readOnly = true)
    public List<RatingView> of(HubUser caller, String productCode) {
        Product product = products.findByCode(productCode)
                .filter(found -> caller.isAgencyStaff() || found.getSupplier().getId().equals(caller.supplierId()))
                .orElseThrow(() -> new NoSuchElementException("No product " + productCode + " of yours"));
        return entityManager.createQuery("select r from ProductRating r where r.productId = :product "
                        + "order by r.ratedAt desc", ProductRating.class).setParameter("product", product.getId())
                .setMaxResults(500).getResultStream()
                .map(rating -> new RatingView(rating.getScore(), rating.getComment(), rating.getRatedAt())).toList();
    }

    /** Whether the receiver signed an expenditure invoice of items of this line: they are authorised for use. */
    private boolean authorised(PurchaseOrder order, OrderLine line) {
        return entityManager.createQuery("select count(l) from ExpenditureInvoiceLine l join l.invoice i "
                        + "where i.order = :order and l.orderLine = :line and i.status in ('SIGNED', 'CERTIFIED')",
                        Long.class).setParameter("order", order).setParameter("line", line).getSingleResult() > 0;
    }

    private boolean rated(PurchaseOrder order, Long productId) {
        return entityManager.createQuery("select count(r) from ProductRating r where r.orderId = :order "
                        + "and r.productId = :product", Long.class).setParameter("order", order.getId())
                .setParameter("product", productId).getSingleResult() > 0;
    }
}

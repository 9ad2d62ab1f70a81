package org.dotchain.hub.ratings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A unit's score of a product it received on an order: once per order and product. */
@Entity
class ProductRating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long productId;
    private Long unitId;
    private short score;
    private String comment;
    private String ratedBy;
    private Instant ratedAt;

    protected ProductRating() {
    }

    ProductRating(Long orderId, Long productId, Long unitId, int score, String comment, String ratedBy,
                  Instant ratedAt) {
        this.orderId = orderId;
        this.productId = productId;
        this.unitId = unitId;
        this.score = (short) score;
        this.comment = comment;
        this.ratedBy = ratedBy;
        this.ratedAt = ratedAt;
    }

    int getScore() {
        return score;
    }

    String getComment() {
        return comment;
    }

    Instant getRatedAt() {
        return ratedAt;
    }
}

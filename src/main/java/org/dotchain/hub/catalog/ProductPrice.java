package org.dotchain.hub.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One price a product has had, from an approved offer; never changed. */
@Entity
@IdClass(ProductPrice.Key.class)
public class ProductPrice {

    record Key(Long productId, Integer version) implements Serializable {
    }

    @Id
    private Long productId;
    @Id
    private Integer version;
    private BigDecimal unitPrice;
    private Instant effectiveAt;
    private Long offerId;

    protected ProductPrice() {
    }

    ProductPrice(Long productId, int version, BigDecimal unitPrice, Instant effectiveAt, Long offerId) {
        this.productId = productId;
        this.version = version;
        this.unitPrice = unitPrice;
        this.effectiveAt = effectiveAt;
        this.offerId = offerId;
    }

    public Integer getVersion() {
        return version;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }
}

package org.dotchain.hub.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A drone on the showcase. Its stock is never written from this object: every change is one guarded statement of
 * {@link ProductRepository} on the row as it is in the database, so no transaction writes back a figure it read
 * before another changed it.
 */
@Entity
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    private String name;
    private String productType;
    private String description;
    private BigDecimal unitPrice;
    private int priceVersion = 1;
    @Column(updatable = false)
    private int stock;
    private int leadTimeDays;
    @Column(updatable = false)
    private int ratingCount;
    @Column(updatable = false)
    private int ratingSum;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> specifications;

    protected Product() {
    }

    /** A new product from an approved offer, none in stock until its supplier reports some. */
    Product(String code, Supplier supplier, CatalogOffer offer) {
        this.code = code;
        this.supplier = supplier;
        this.unitPrice = offer.getUnitPrice();
        describe(offer);
    }

    /** What an approved offer says of the product; a part the offer leaves out stays as it is. */
    void describe(CatalogOffer offer) {
        if (offer.getName() != null) {
            this.name = offer.getName();
            this.productType = offer.getProductType();
            this.description = offer.getDescription();
            this.leadTimeDays = offer.getLeadTimeDays();
            this.specifications = offer.getSpecifications();
        }
    }

    /** A new price version; orders placed before keep the price they were placed at. */
    void reprice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
        priceVersion++;
    }

    /** The product as the rule of who may offer what sees it. */
    public SupplierOffering.Listing listing() {
        return new SupplierOffering.Listing(supplier, productType, code);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public String getName() {
        return name;
    }

    public String getProductType() {
        return productType;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public int getPriceVersion() {
        return priceVersion;
    }

    /** As read with the product: a figure to show, never one to compute a new stock from. */
    public int getStock() {
        return stock;
    }

    public int getRatingCount() {
        return ratingCount;
    }

    /** The units' average rating, to one decimal; null while nobody has rated it. */
    public BigDecimal getAverageRating() {
        return ratingCount == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratingCount), 1, RoundingMode.HALF_UP);
    }

    public int getLeadTimeDays() {
        return leadTimeDays;
    }

    public Map<String, Object> getSpecifications() {
        return specifications == null ? Map.of() : Map.copyOf(specifications);
    }
}

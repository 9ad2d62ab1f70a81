package org.dotchain.hub.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A drone on the showcase. Stock is changed only through {@link ProductRepository#takeStock}, never read-modify-write. */
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
    private int stock;
    private int leadTimeDays;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> specifications;

    protected Product() {
    }

    /** Takes as many of the wanted items as are in stock; the caller holds the row lock. */
    public int takeUpTo(int wanted) {
        int taken = Math.min(stock, wanted);
        stock -= taken;
        return taken;
    }

    public void putBack(int quantity) {
        stock += quantity;
    }

    /** The supplier's own count; the caller holds the row lock. */
    void restock(int stock, BigDecimal unitPrice) {
        this.stock = stock;
        if (unitPrice != null) {
            this.unitPrice = unitPrice;
        }
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

    public int getStock() {
        return stock;
    }

    public int getLeadTimeDays() {
        return leadTimeDays;
    }

    public Map<String, Object> getSpecifications() {
        return specifications == null ? Map.of() : Map.copyOf(specifications);
    }
}

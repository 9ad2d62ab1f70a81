package org.dotchain.hub.cart;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.dotchain.hub.catalog.Product;

@Entity
public class CartLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cart_id")
    private Cart cart;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    private int quantity;
    /** The price the orderer saw when putting the product in the cart, or confirmed since. */
    private BigDecimal unitPriceSeen;

    protected CartLine() {
    }

    CartLine(Cart cart, Product product, int quantity) {
        this.cart = cart;
        this.product = product;
        this.quantity = quantity;
        this.unitPriceSeen = product.getUnitPrice();
    }

    public boolean priceChanged() {
        return unitPriceSeen.compareTo(product.getUnitPrice()) != 0;
    }

    public BigDecimal getUnitPriceSeen() {
        return unitPriceSeen;
    }

    void confirmPrice() {
        this.unitPriceSeen = product.getUnitPrice();
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public int getQuantity() {
        return quantity;
    }

    void setQuantity(int quantity) {
        this.quantity = quantity;
    }
}

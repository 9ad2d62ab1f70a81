package org.dotchain.hub.cart;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.catalog.Product;

/** An orderer's cart; what it holds is checked against the budget of the orderer's unit. */
@Entity
public class Cart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private MilitaryUnit unit;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    private Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<CartLine> lines = new ArrayList<>();

    protected Cart() {
    }

    public Cart(MilitaryUnit unit, Person person) {
        this.unit = unit;
        this.person = person;
    }

    public Long getId() {
        return id;
    }

    public MilitaryUnit getUnit() {
        return unit;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<CartLine> getLines() {
        return List.copyOf(lines);
    }

    void setQuantity(Product product, int quantity) {
        lines.stream().filter(line -> line.getProduct().getId().equals(product.getId())).findFirst()
                .ifPresentOrElse(line -> line.setQuantity(quantity), () -> lines.add(new CartLine(this, product, quantity)));
        updatedAt = Instant.now();
    }

    boolean remove(String productCode) {
        updatedAt = Instant.now();
        return lines.removeIf(line -> line.getProduct().getCode().equals(productCode));
    }

    /** The orderer has seen the new prices: checkout takes them. */
    void confirmPrices() {
        lines.forEach(CartLine::confirmPrice);
        updatedAt = Instant.now();
    }

    void clear() {
        lines.clear();
        updatedAt = Instant.now();
    }
}

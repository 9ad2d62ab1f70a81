package org.dotchain.hub.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.MilitaryUnit;
import jakarta.persistence.EntityManager;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.budget.UnitBudget;
import org.dotchain.hub.catalog.Product;
import org.dotchain.hub.catalog.ProductRepository;
import org.dotchain.hub.platform.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An orderer's cart: lines with quantities, their amounts and total, and the unit's budget they are checked against. */
@Service
@Transactional
public class CartService {

    private final CartRepository carts;
    private final ProductRepository products;
    private final EntityManager entityManager;
    private final BudgetLedger ledger;

    CartService(CartRepository carts, ProductRepository products, EntityManager entityManager, BudgetLedger ledger) {
        this.carts = carts;
        this.products = products;
        this.entityManager = entityManager;
        this.ledger = ledger;
    }

    public record Line(String productCode, String productName, String supplierCode, BigDecimal unitPrice,
                       int quantity, BigDecimal amount, int inStock) {
    }

    public record Budget(BigDecimal allocated, BigDecimal reserved, BigDecimal committed, BigDecimal spent,
                         BigDecimal available) {
        static Budget of(UnitBudget budget) {
            return new Budget(budget.getAllocated(), budget.getReserved(), budget.getCommitted(), budget.getSpent(),
                    budget.getAvailable());
        }
    }

    /** @param message why checkout would be refused, when it would be */
    public record CartView(List<Line> lines, BigDecimal total, String currency, Budget budget, boolean exceedsBudget,
                           String message) {
    }

    public CartView view(HubUser orderer) {
        Cart cart = cartOf(orderer);
        List<Line> lines = cart.getLines().stream().map(line -> {
            Product product = line.getProduct();
            return new Line(product.getCode(), product.getName(), product.getSupplier().getCode(),
                    product.getUnitPrice(), line.getQuantity(),
                    product.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())), product.getStock());
        }).toList();
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Budget budget = Budget.of(ledger.budgetOf(orderer.unitId()));
        boolean exceeds = total.compareTo(budget.available()) > 0;
        String message = exceeds ? "The cart totals " + total.toPlainString() + " UAH, more than the "
                + budget.available().toPlainString() + " UAH available: remove "
                + total.subtract(budget.available()).toPlainString() + " UAH to check out" : null;
        return new CartView(lines, total, "UAH", budget, exceeds, message);
    }

    public CartView setQuantity(HubUser orderer, String productCode, int quantity) {
        if (quantity < 1) {
            throw new InvalidFieldException("quantity", "'quantity' must be at least 1; remove the line to drop it");
        }
        Product product = products.findByCode(productCode)
                .orElseThrow(() -> new NoSuchElementException("No product with code " + productCode));
        cartOf(orderer).setQuantity(product, quantity);
        return view(orderer);
    }

    public CartView remove(HubUser orderer, String productCode) {
        if (!cartOf(orderer).remove(productCode)) {
            throw new NoSuchElementException("The cart has no line for " + productCode);
        }
        return view(orderer);
    }

    /** The lines checkout takes, and then clears. */
    public List<CartLine> takeLines(HubUser orderer) {
        Cart cart = cartOf(orderer);
        List<CartLine> lines = cart.getLines();
        cart.clear();
        return lines;
    }

    private Cart cartOf(HubUser orderer) {
        return carts.findByPersonId(orderer.personId()).orElseGet(() -> carts.save(new Cart(
                entityManager.getReference(MilitaryUnit.class, orderer.unitId()),
                entityManager.getReference(Person.class, orderer.personId()))));
    }
}

package org.dotchain.hub.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
import org.dotchain.hub.suppliers.SupplierOffering;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An orderer's cart: lines with quantities, their amounts and total, and the unit's budget they are checked against. */
@Service
@Transactional
public class CartService {

    /** The most drones of one product a cart line holds, as the showcase's quantity field says too. */
    public static final int MAX_QUANTITY = 10_000;

    private final CartRepository carts;
    private final ProductRepository products;
    private final EntityManager entityManager;
    private final BudgetLedger ledger;
    private final SupplierOffering offering;

    CartService(CartRepository carts, ProductRepository products, EntityManager entityManager, BudgetLedger ledger,
                SupplierOffering offering) {
        this.carts = carts;
        this.products = products;
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.offering = offering;
    }

    /**
     * @param previousUnitPrice the price when the product was put in the cart, when it has changed since: checkout
     *                          waits for the orderer to confirm the new one
     * @param notOfferedReason  why the product is off the showcase now, so that checkout would refuse it; or null
     */
    public record Line(String productCode, String productName, String supplierCode, BigDecimal unitPrice,
                       BigDecimal previousUnitPrice, boolean priceChanged, int quantity, BigDecimal amount,
                       int inStock, boolean offered, String notOfferedReason,
                       SupplierOffering.Hindrance notOfferedBecause) {
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
            SupplierOffering.Hindrance hindrance = offering.hindrance(product.getSupplier(),
                    product.getProductType()).orElse(null);
            String notOffered = hindrance == null ? null
                    : SupplierOffering.said(hindrance, product.getSupplier(), product.getProductType());
            return new Line(product.getCode(), product.getName(), product.getSupplier().getCode(),
                    product.getUnitPrice(), line.priceChanged() ? line.getUnitPriceSeen() : null,
                    line.priceChanged(), line.getQuantity(),
                    product.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())), product.getStock(),
                    hindrance == null, notOffered, hindrance);
        }).toList();
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Budget budget = Budget.of(ledger.budgetOf(orderer.unitId()));
        boolean exceeds = total.compareTo(budget.available()) > 0;
        String message = exceeds ? "The cart totals " + total.toPlainString() + " UAH, more than the "
                + budget.available().toPlainString() + " UAH available: remove "
                + total.subtract(budget.available()).toPlainString() + " UAH to check out" : null;
        List<String> notOffered = lines.stream().filter(line -> !line.offered()).map(Line::productCode).toList();
        if (!notOffered.isEmpty()) {
            message = (message == null ? "" : message + ". ") + String.join(", ", notOffered)
                    + " left the showcase: remove them to check out";
        }
        List<String> repriced = lines.stream().filter(Line::priceChanged).map(Line::productCode).toList();
        if (!repriced.isEmpty()) {
            message = (message == null ? "" : message + ". ") + "The price of " + String.join(", ", repriced)
                    + " changed since you put it in the cart: confirm the new price to check out";
        }
        return new CartView(lines, total, "UAH", budget, exceeds, message);
    }

    public CartView setQuantity(HubUser orderer, String productCode, int quantity) {
        if (quantity < 1) {
            throw new InvalidFieldException("quantity", "'quantity' must be at least 1; remove the line to drop it");
        }
        if (quantity > MAX_QUANTITY) {
            throw new InvalidFieldException("quantity", "'quantity' is at most " + MAX_QUANTITY + " a line; a larger "
                    + "need is several orders");
        }
        Product product = products.findByCode(productCode)
                .orElseThrow(() -> new NoSuchElementException("No product with code " + productCode));
        offering.checkOffered(List.of(product.listing()));
        cartOf(orderer).setQuantity(product, quantity);
        return view(orderer);
    }

    public CartView remove(HubUser orderer, String productCode) {
        if (!cartOf(orderer).remove(productCode)) {
            throw new NoSuchElementException("The cart has no line for " + productCode);
        }
        return view(orderer);
    }

    /**
     * The orderer accepts the new prices, as the cart showed them: a line whose price changed again since, or that
     * the orderer did not name, stays to be confirmed, and the refusal says so.
     */
    public CartView confirmPrices(HubUser orderer, Map<String, BigDecimal> seen) {
        Cart cart = cartOf(orderer);
        List<CartLine> unseen = cart.getLines().stream().filter(CartLine::priceChanged)
                .filter(line -> seen.get(line.getProduct().getCode()) == null
                        || seen.get(line.getProduct().getCode()).compareTo(line.getProduct().getUnitPrice()) != 0)
                .toList();
        if (!unseen.isEmpty()) {
            throw new PriceChangedException(unseen);
        }
        cart.confirmPrices();
        return view(orderer);
    }

    /** The lines checkout takes, and then clears; refused while a price changed unconfirmed. */
    public List<CartLine> takeLines(HubUser orderer) {
        Cart cart = cartOf(orderer);
        List<CartLine> lines = cart.getLines();
        List<CartLine> repriced = lines.stream().filter(CartLine::priceChanged).toList();
        if (!repriced.isEmpty()) {
            throw new PriceChangedException(repriced);
        }
        cart.clear();
        return lines;
    }

    private Cart cartOf(HubUser orderer) {
        return carts.findByPersonId(orderer.personId()).orElseGet(() -> carts.save(new Cart(
                entityManager.getReference(MilitaryUnit.class, orderer.unitId()),
                entityManager.getReference(Person.class, orderer.personId()))));
    }
}

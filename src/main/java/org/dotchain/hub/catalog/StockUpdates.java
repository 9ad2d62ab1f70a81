package org.dotchain.hub.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's stock, for its own products only. A price in a stock update that differs from the product's is a
 * price offer: it waits for the DPA's approval like any catalogue offer, while the stock applies at once.
 */
@Service
@Transactional
public class StockUpdates {

    private final ProductRepository products;
    private final CatalogOffers offers;

    StockUpdates(ProductRepository products, CatalogOffers offers) {
        this.products = products;
        this.offers = offers;
    }

    /** @param unitPrice null keeps the price; another one is offered to the DPA */
    public record ProductStock(String productCode, int stock, BigDecimal unitPrice) {
    }

    private record Update(Product product, ProductStock stock) {
    }

    /** The offer number of a stock update's price: short enough for the answer's contract, the same on a resend. */
    static String priceOfferNumber(Product product, String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "PRICE-" + product.getCode() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    public void apply(String supplierCode, String messageId, List<ProductStock> updates) {
        updates.stream()
                .map(update -> new Update(products.findByCode(update.productCode())
                        .filter(found -> found.getSupplier().getCode().equals(supplierCode))
                        .orElseThrow(() -> new NoSuchElementException("No product " + update.productCode()
                                + " of supplier " + supplierCode)), update))
                .sorted(Comparator.comparing(update -> update.product().getId()))
                .forEach(update -> {
                    products.lockStock(update.product().getId());
                    products.setStockReported(update.product().getId(), update.stock().stock());
                    BigDecimal price = update.stock().unitPrice();
                    if (price != null && price.compareTo(update.product().getUnitPrice()) != 0) {
                        offers.receive(supplierCode, new CatalogOffers.Offer(priceOfferNumber(update.product(),
                                messageId), update.product().getCode(), null, null, null, price, null, null));
                    }
                });
    }
}

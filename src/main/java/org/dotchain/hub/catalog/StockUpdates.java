package org.dotchain.hub.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
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
                        offers.receive(supplierCode, new CatalogOffers.Offer("price-" + update.product().getCode()
                                + "-" + messageId, update.product().getCode(), null, null, null, price, null, null));
                    }
                });
    }
}

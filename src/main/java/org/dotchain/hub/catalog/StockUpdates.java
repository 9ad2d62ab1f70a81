package org.dotchain.hub.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A supplier's stock and prices, for its own products only. */
@Service
@Transactional
public class StockUpdates {

    private final ProductRepository products;

    StockUpdates(ProductRepository products) {
        this.products = products;
    }

    /** @param unitPrice null keeps the price */
    public record ProductStock(String productCode, int stock, BigDecimal unitPrice) {
    }

    private record Update(Product product, ProductStock stock) {
    }

    public void apply(String supplierCode, List<ProductStock> updates) {
        updates.stream()
                .map(update -> new Update(products.findByCode(update.productCode())
                        .filter(found -> found.getSupplier().getCode().equals(supplierCode))
                        .orElseThrow(() -> new NoSuchElementException("No product " + update.productCode()
                                + " of supplier " + supplierCode)), update))
                .sorted(Comparator.comparing(update -> update.product().getId()))
                .forEach(update -> {
                    products.lockStock(update.product().getId());
                    products.setStockReported(update.product().getId(), update.stock().stock());
                    update.product().reprice(update.stock().unitPrice());
                });
    }
}

package org.dotchain.hub.catalog;

import java.math.BigDecimal;
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

    public void apply(String supplierCode, List<ProductStock> updates) {
        for (ProductStock update : updates) {
            Product product = products.findByCode(update.productCode())
                    .filter(found -> found.getSupplier().getCode().equals(supplierCode))
                    .flatMap(found -> products.lockById(found.getId()))
                    .orElseThrow(() -> new NoSuchElementException("No product " + update.productCode()
                            + " of supplier " + supplierCode));
            product.restock(update.stock(), update.unitPrice());
        }
    }
}

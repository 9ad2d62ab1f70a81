package org.dotchain.hub.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.suppliers.FrameworkAgreement;
import org.dotchain.hub.suppliers.SupplierAgreements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only: the demo suppliers' framework agreements and their products (demo/catalogue.json), through the same
 * services as the DPA's: each product offered, approved, then its stock reported. Once: what exists is left as it
 * is, and the products of a supplier whose connector file is gone are not offered. Runs after the partners'
 * registration, which makes the suppliers' rows.
 */
@Component
@Profile("demo")
@Order(DemoCatalogue.ORDER)
class DemoCatalogue implements ApplicationRunner {

    static final int ORDER = 5;

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);
    private static final String DPA = "dpa.admin";

    private final SupplierAgreements agreements;
    private final CatalogOffers offers;
    private final StockUpdates stock;
    private final ProductRepository products;
    private final ObjectMapper json;

    DemoCatalogue(SupplierAgreements agreements, CatalogOffers offers, StockUpdates stock,
                  ProductRepository products, ObjectMapper json) {
        this.agreements = agreements;
        this.offers = offers;
        this.stock = stock;
        this.products = products;
        this.json = json;
    }

    /** A product of the demo catalogue: its supplier, its offer, the stock its supplier reports. */
    record DemoProduct(String supplier, int stock, CatalogOffers.Offer offer) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int recorded = 0;
        for (var demo : DEMO_AGREEMENTS.entrySet()) {
            if (agreements.one(demo.getKey()).agreements().isEmpty()) {
                agreements.record(DPA, demo.getKey(), demo.getValue());
                recorded++;
            }
        }
        int offered = 0;
        for (DemoProduct demo : catalogue()) {
            CatalogOffers.Offer offer = demo.offer();
            if (products.findByCode(offer.productCode()).isEmpty() && agreements.one(demo.supplier()).connected()) {
                offers.approve(DPA, offers.record(DPA, demo.supplier(), offer).id());
                stock.apply(demo.supplier(), "demo-stock-" + offer.productCode(),
                        List.of(new StockUpdates.ProductStock(offer.productCode(), demo.stock(), null)));
                offered++;
            }
        }
        if (recorded + offered > 0) {
            log.info("Demo catalogue: {} framework agreements recorded, {} products offered and approved", recorded,
                    offered);
        }
    }

    private List<DemoProduct> catalogue() {
        try (InputStream in = new ClassPathResource("demo/catalogue.json").getInputStream()) {
            return json.readValue(in, new TypeReference<List<DemoProduct>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("The demo catalogue (demo/catalogue.json) cannot be read", e);
        }
    }

    private static final Map<String, SupplierAgreements.NewAgreement> DEMO_AGREEMENTS = Map.of(
            "skyforge", agreement("FA-DEMO-2026/001", item("FPV", "40000.00"), item("RELAY", "70000.00")),
            "viriy", agreement("FA-DEMO-2026/002", item("RECON", "200000.00"), item("FIXED_WING", "1500000.00")),
            "steppe", agreement("FA-DEMO-2026/003", item("BOMBER", "700000.00"), item("INTERCEPTOR", "90000.00"),
                    item("FPV", "50000.00"), item("LOGISTICS", "500000.00")));

    private static SupplierAgreements.NewAgreement agreement(String number, FrameworkAgreement.Item... items) {
        return new SupplierAgreements.NewAgreement(number, LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 1),
                LocalDate.of(2028, 12, 31), List.of(items));
    }

    private static FrameworkAgreement.Item item(String productType, String maxUnitPrice) {
        return new FrameworkAgreement.Item(productType, new BigDecimal(maxUnitPrice));
    }
}

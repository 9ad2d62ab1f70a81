package org.dotchain.hub.catalog;

import java.util.List;

/** The product types the showcase filters by, in the order its filter lists them. */
final class ProductTypes {

    static final List<String> ALL = List.of("FPV", "RECON", "BOMBER", "INTERCEPTOR", "RELAY", "FIXED_WING",
            "LOGISTICS");

    private ProductTypes() {
    }
}

package org.dotchain.hub.suppliers;

import java.util.List;

/**
 * The product types the pages know by name, in the order their lists show them: the showcase's filter and an
 * agreement's form. An agreement may name another type; the pages then show its code.
 */
public final class ProductTypes {

    public static final List<String> ALL = List.of("FPV", "RECON", "BOMBER", "INTERCEPTOR", "RELAY", "FIXED_WING",
            "LOGISTICS");

    private ProductTypes() {
    }
}

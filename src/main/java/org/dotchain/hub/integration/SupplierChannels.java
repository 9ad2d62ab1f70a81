package org.dotchain.hub.integration;

/** Names of the broker addresses that lead to a supplier's system. */
public final class SupplierChannels {

    private SupplierChannels() {
    }

    /** Orders, pre-order requests and cancellations for one supplier. */
    public static String ordersOf(String supplierCode) {
        return "supplier." + supplierCode + ".orders";
    }
}

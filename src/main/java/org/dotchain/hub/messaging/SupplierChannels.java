package org.dotchain.hub.messaging;

/** Names of the broker addresses that lead to a supplier's system, or to the DPA finance system. */
public final class SupplierChannels {

    private SupplierChannels() {
    }

    /** Payment-ready acceptance certificates for the DPA finance system; undeliverable ones on its .DLQ. */
    public static final String FINANCE_PAYMENTS = "finance.payments";

    /** Orders, pre-order requests and cancellations for one supplier. */
    public static String ordersOf(String supplierCode) {
        return "supplier." + supplierCode + ".orders";
    }

    /** A supplier's messages to the hub over JMS. */
    public static String inboundOf(String supplierCode) {
        return "supplier." + supplierCode + ".inbound";
    }
}

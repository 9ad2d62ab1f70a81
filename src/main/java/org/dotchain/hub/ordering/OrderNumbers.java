package org.dotchain.hub.ordering;

import java.time.Clock;
import java.time.Year;

/** ORD-2026-000042: the year and a database sequence, never reused. */
final class OrderNumbers {

    private OrderNumbers() {
    }

    static String next(PurchaseOrderRepository orders, Clock clock) {
        return "ORD-%d-%06d".formatted(Year.now(clock).getValue(), orders.nextOrderSequence());
    }
}

package org.dotchain.hub.integration;

import java.util.Map;
import org.dotchain.hub.ordering.OrderPlacement;
import org.springframework.stereotype.Component;

/** A supplier's own system down (the reference systems stopped) while the hub forms an order for it. */
@Component
public class SupplierSystemDown {

    private final OrderPlacement placement;

    SupplierSystemDown(OrderPlacement placement) {
        this.placement = placement;
    }

    /** Steppe's system stopped and an order of unit A3003 formed for it: every attempt to deliver it fails. */
    public String orderForSteppe() {
        ReferenceSystems.stop();
        String order = placement.placeInStockOrder("A3003", Map.of("STP-DROP", 1)).getOrderNumber();
        placement.form(order);
        return order;
    }
}

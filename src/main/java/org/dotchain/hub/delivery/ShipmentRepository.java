package org.dotchain.hub.delivery;

import java.util.List;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    /** An order's despatches, in the order they came. */
    List<Shipment> findByOrderOrderById(PurchaseOrder order);
}

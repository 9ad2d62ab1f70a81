package org.dotchain.hub.ordering;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    Optional<PurchaseOrder> findByOrderNumber(String orderNumber);

    @Query(value = "select nextval('order_number_seq')", nativeQuery = true)
    long nextOrderSequence();
}

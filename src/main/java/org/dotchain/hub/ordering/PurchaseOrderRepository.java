package org.dotchain.hub.ordering;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    Optional<PurchaseOrder> findByOrderNumber(String orderNumber);

    Optional<PurchaseOrder> findByOrderNumberAndUnitId(String orderNumber, Long unitId);

    Optional<PurchaseOrder> findByDocumentId(Long documentId);

    @Query("select o from PurchaseOrder o where o.unit.id = :unitId and (:status is null or o.status = :status)")
    Page<PurchaseOrder> findForUnit(Long unitId, OrderStatus status, Pageable page);

    @Query("select o from PurchaseOrder o where o.status in ('FORMED', 'TRANSFERRED', 'ACCEPTED_BY_SUPPLIER') "
            + "and o.shipBy < :today and o.overdueSince is null")
    List<PurchaseOrder> findNotShippedBy(java.time.LocalDate today);

    @Query("select o from PurchaseOrder o where o.status = 'AWAITING_SUPPLIER_ANSWER' and o.answerDueBy < :today")
    List<PurchaseOrder> findUnansweredDueBefore(java.time.LocalDate today);

    @Query(value = "select nextval('order_number_seq')", nativeQuery = true)
    long nextOrderSequence();
}

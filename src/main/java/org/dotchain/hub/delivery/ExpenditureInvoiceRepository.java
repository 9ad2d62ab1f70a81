package org.dotchain.hub.delivery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExpenditureInvoiceRepository extends JpaRepository<ExpenditureInvoice, Long> {

    /** The invoices a caller may see: all of them, or those of the caller's unit or supplier. */
    @Query("select i from ExpenditureInvoice i where (:all = true or i.order.unit.id = :unit "
            + "or i.order.supplier.id = :supplier) and (:status is null or i.status = :status)")
    Page<ExpenditureInvoice> findVisible(boolean all, Long unit, Long supplier, ExpenditureInvoice.Status status,
                                         Pageable page);
}

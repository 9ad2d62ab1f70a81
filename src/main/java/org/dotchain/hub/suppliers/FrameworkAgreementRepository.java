package org.dotchain.hub.suppliers;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FrameworkAgreementRepository extends JpaRepository<FrameworkAgreement, Long> {

    boolean existsByAgreementNumber(String agreementNumber);

    List<FrameworkAgreement> findBySupplierOrderByValidFromAscIdAsc(Supplier supplier);

    @Query("select a from FrameworkAgreement a where a.supplier = :supplier and a.validFrom <= :day "
            + "and a.validUntil >= :day")
    List<FrameworkAgreement> findValidOn(Supplier supplier, LocalDate day);
}

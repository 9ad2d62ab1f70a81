package org.dotchain.hub.catalog;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.dotchain.hub.suppliers.Supplier;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CatalogOfferRepository extends JpaRepository<CatalogOffer, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from CatalogOffer o where o.id = :id")
    Optional<CatalogOffer> lockById(Long id);

    boolean existsBySupplierAndOfferNumber(Supplier supplier, String offerNumber);

    List<CatalogOffer> findBySupplierAndProductCodeAndStatus(Supplier supplier, String productCode,
                                                              CatalogOffer.Status status);

    @EntityGraph(attributePaths = "supplier")
    List<CatalogOffer> findByStatus(CatalogOffer.Status status, Sort sort);

    @EntityGraph(attributePaths = "supplier")
    List<CatalogOffer> findAllBy(Sort sort);
}

package org.dotchain.hub.catalog;

import java.util.List;
import org.dotchain.hub.suppliers.Supplier;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogOfferRepository extends JpaRepository<CatalogOffer, Long> {

    boolean existsBySupplierAndOfferNumber(Supplier supplier, String offerNumber);

    List<CatalogOffer> findBySupplierAndProductCodeAndStatus(Supplier supplier, String productCode,
                                                              CatalogOffer.Status status);

    @EntityGraph(attributePaths = "supplier")
    List<CatalogOffer> findByStatus(CatalogOffer.Status status, Sort sort);

    @EntityGraph(attributePaths = "supplier")
    List<CatalogOffer> findAllBy(Sort sort);
}

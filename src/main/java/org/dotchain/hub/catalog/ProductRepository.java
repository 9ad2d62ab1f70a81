package org.dotchain.hub.catalog;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProductRepository extends JpaRepository<Product, Long>, JpaSpecificationExecutor<Product> {

    /** Checkout holds the product's row while it takes stock, so two units never get the same items. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.id = :id")
    Optional<Product> lockById(@Param("id") Long id);

    @EntityGraph(attributePaths = "supplier")
    Optional<Product> findByCode(String code);

    @Override
    @EntityGraph(attributePaths = "supplier")
    Page<Product> findAll(Pageable pageable);

    @Override
    @EntityGraph(attributePaths = "supplier")
    Page<Product> findAll(org.springframework.data.jpa.domain.Specification<Product> filter, Pageable pageable);

    /** Holds stock atomically: returns 0 when fewer than {@code quantity} items are left, and then changes nothing. */
    @Modifying
    @Query("update Product p set p.stock = p.stock - :quantity where p.id = :id and p.stock >= :quantity")
    int takeStock(@Param("id") Long id, @Param("quantity") int quantity);

    @Modifying
    @Query("update Product p set p.stock = p.stock + :quantity where p.id = :id")
    int returnStock(@Param("id") Long id, @Param("quantity") int quantity);
}

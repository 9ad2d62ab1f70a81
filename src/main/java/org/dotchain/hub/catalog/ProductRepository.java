package org.dotchain.hub.catalog;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Products, and every change of their stock. A transaction that moves stock first locks the rows it moves, in the
 * order of their ids, with {@link #lockStock}; the figure it reads there is the one in the database, not the one of
 * a product loaded earlier.
 */
public interface ProductRepository extends JpaRepository<Product, Long>, JpaSpecificationExecutor<Product> {

    /** Locks the product's row until the transaction ends and answers its stock as it is now. */
    @Query(value = "select stock from product where id = :id for update", nativeQuery = true)
    int lockStock(@Param("id") Long id);

    @EntityGraph(attributePaths = "supplier")
    Optional<Product> findByCode(String code);

    @Override
    @EntityGraph(attributePaths = "supplier")
    Page<Product> findAll(Pageable pageable);

    @Override
    @EntityGraph(attributePaths = "supplier")
    Page<Product> findAll(Specification<Product> filter, Pageable pageable);

    /** Holds stock atomically: returns 0 when fewer than {@code quantity} items are left, and then changes nothing. */
    @Modifying
    @Query("update Product p set p.stock = p.stock - :quantity where p.id = :id and p.stock >= :quantity")
    int takeStock(@Param("id") Long id, @Param("quantity") int quantity);

    /** One more unit's rating, counted in one statement: no lock, no lost update. */
    @Modifying
    @Query("update Product p set p.ratingCount = p.ratingCount + 1, p.ratingSum = p.ratingSum + :score "
            + "where p.id = :id")
    int addRating(Long id, int score);

    @Modifying
    @Query("update Product p set p.stock = p.stock + :quantity where p.id = :id")
    int returnStock(@Param("id") Long id, @Param("quantity") int quantity);

    /**
     * The supplier's count is what it can still promise to orders it has received; the items of this product's
     * orders it has not acknowledged yet (awaiting their creator's signature, or formed and on their way) are held
     * by the hub on top of it, so the showcase offers the count less those. Run after {@link #lockStock}, so that
     * every checkout and cancellation of the product before it has committed.
     */
    @Modifying
    @Query(value = """
            update product set stock = greatest(0, :reported - (
                select coalesce(sum(l.quantity), 0) from order_line l join purchase_order o on o.id = l.order_id
                where l.product_id = :id and o.kind = 'ORDER' and o.status in ('AWAITING_SIGNATURE', 'FORMED')))
            where id = :id""", nativeQuery = true)
    int setStockReported(@Param("id") Long id, @Param("reported") int reported);
}

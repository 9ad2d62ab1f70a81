package org.dotchain.hub.cart;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CartRepository extends JpaRepository<Cart, Long> {

    Optional<Cart> findByPersonId(Long personId);
}

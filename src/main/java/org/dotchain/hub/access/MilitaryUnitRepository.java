package org.dotchain.hub.access;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MilitaryUnitRepository extends JpaRepository<MilitaryUnit, Long> {

    Optional<MilitaryUnit> findByCode(String code);
}

package org.dotchain.hub.budget;

import org.springframework.data.repository.Repository;
import java.util.Optional;

interface UnitBudgetRepository extends Repository<UnitBudget, Long> {

    Optional<UnitBudget> findById(Long unitId);
}

package org.dotchain.hub.budget;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetEntryRepository extends JpaRepository<BudgetEntry, Long> {
}

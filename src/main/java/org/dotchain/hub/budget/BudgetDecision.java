package org.dotchain.hub.budget;

import java.time.LocalDate;

/** The DPA's decision that allocates or reduces a unit's budget: its number, its date and the law it rests on. */
public record BudgetDecision(String number, LocalDate date, String legalBasis) {
}

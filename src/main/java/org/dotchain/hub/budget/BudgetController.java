package org.dotchain.hub.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.dotchain.hub.access.HubUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Budget", description = "The unit's budget window")
class BudgetController {

    private final BudgetLedger ledger;

    BudgetController(BudgetLedger ledger) {
        this.ledger = ledger;
    }

    record BudgetWindow(BigDecimal allocated, BigDecimal reserved, BigDecimal committed, BigDecimal spent,
                        BigDecimal available, String currency) {
    }

    @GetMapping("/api/budget")
    @PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
    @Operation(summary = "Allocated, reserved, committed, spent and available, in UAH")
    BudgetWindow budget(@AuthenticationPrincipal HubUser caller) {
        UnitBudget budget = ledger.budgetOf(caller.unitId());
        return new BudgetWindow(budget.getAllocated(), budget.getReserved(), budget.getCommitted(), budget.getSpent(),
                budget.getAvailable(), "UAH");
    }
}

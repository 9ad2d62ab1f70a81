package org.dotchain.hub.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
@Tag(name = "Budget", description = "The unit's budget window and the DPA's decisions behind it")
class BudgetController {

    private final BudgetLedger ledger;
    private final BudgetAllocations allocations;

    BudgetController(BudgetLedger ledger, BudgetAllocations allocations) {
        this.ledger = ledger;
        this.allocations = allocations;
    }

    record BudgetWindow(BigDecimal allocated, BigDecimal reserved, BigDecimal committed, BigDecimal spent,
                        BigDecimal available, String currency) {

        static BudgetWindow of(UnitBudget budget) {
            return new BudgetWindow(budget.getAllocated(), budget.getReserved(), budget.getCommitted(),
                    budget.getSpent(), budget.getAvailable(), "UAH");
        }
    }

    @GetMapping("/api/budget")
    @Operation(summary = "Allocated, reserved, committed, spent and available, in UAH")
    BudgetWindow budget(@AuthenticationPrincipal HubUser caller) {
        return BudgetWindow.of(ledger.budgetOf(caller.unitId()));
    }

    @GetMapping("/api/budget/history")
    @Operation(summary = "The DPA's allocations, top-ups and reductions of the unit's budget, oldest first: when, "
            + "how much, which decision")
    List<BudgetAllocations.DecisionView> history(@AuthenticationPrincipal HubUser caller) {
        return allocations.history(caller.unitId());
    }
}

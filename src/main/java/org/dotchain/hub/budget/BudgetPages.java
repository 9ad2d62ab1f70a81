package org.dotchain.hub.budget;

import org.dotchain.hub.access.HubUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The unit's budget history as a page: the DPA's allocations, top-ups and reductions, with their decisions. */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
class BudgetPages {

    private final BudgetAllocations allocations;

    BudgetPages(BudgetAllocations allocations) {
        this.allocations = allocations;
    }

    @GetMapping("/budget")
    String history(@AuthenticationPrincipal HubUser caller, Model model) {
        model.addAttribute("decisions", allocations.history(caller.unitId()));
        return "budget/history";
    }
}

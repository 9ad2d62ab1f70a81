package org.dotchain.hub.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.Amounts;
import org.dotchain.hub.platform.Days;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Period;
import org.dotchain.hub.platform.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The DPA's budgets as a page: every unit's figures with the totals, and a decision to allocate or reduce. */
@Controller
@PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
class BudgetAdminPages {

    private final BudgetAllocations allocations;

    BudgetAdminPages(BudgetAllocations allocations) {
        this.allocations = allocations;
    }

    @GetMapping("/admin/budgets")
    String budgets(Model model) {
        model.addAttribute("overview", allocations.overview(new Period(null, null)));
        return "admin/budgets";
    }

    @PostMapping("/admin/budgets")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    String decide(@AuthenticationPrincipal HubUser admin, @RequestParam Map<String, String> form,
                  RedirectAttributes next) {
        try {
            BigDecimal amount = Amounts.typed("amount", form.get("amount"));
            LocalDate date = Days.typed("decisionDate", form.get("decisionDate"));
            BudgetDecision decision = new BudgetDecision(form.get("decisionNumber"), date, form.get("legalBasis"));
            String unit = form.getOrDefault("unitCode", "");
            if ("REDUCTION".equals(form.get("kind"))) {
                allocations.reduce(admin.username(), unit, amount, decision);
            } else {
                allocations.allocate(admin.username(), unit, amount, decision);
            }
            next.addFlashAttribute("notice", "budgets.recorded");
        } catch (Refusal | IllegalArgumentException | NoSuchElementException refused) {
            PageRefusals.show(refused, form, next);
        }
        return "redirect:/admin/budgets";
    }
}

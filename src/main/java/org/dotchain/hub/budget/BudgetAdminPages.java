package org.dotchain.hub.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.FieldErrors;
import org.dotchain.hub.platform.InvalidFieldException;
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
            BigDecimal amount = number(form.get("amount"));
            LocalDate date = date(form.getOrDefault("decisionDate", ""));
            BudgetDecision decision = new BudgetDecision(form.get("decisionNumber"), date, form.get("legalBasis"));
            String unit = form.getOrDefault("unitCode", "");
            if ("REDUCTION".equals(form.get("kind"))) {
                allocations.reduce(admin.username(), unit, amount, decision);
            } else {
                allocations.allocate(admin.username(), unit, amount, decision);
            }
            next.addFlashAttribute("notice", "budgets.recorded");
        } catch (Refusal | IllegalArgumentException | NoSuchElementException refused) {
            FieldErrors.show(refused, form, next);
        }
        return "redirect:/admin/budgets";
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("decisionDate", "The decision's date is a day, e.g. 2026-11-30");
        }
    }

    /** A sum as people type it, or paste it from a page: spaces (narrow or not) between thousands, a comma. */
    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip().replaceAll("[\\s\u00A0\u202F]", "")
                    .replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("amount", "The amount is a sum in UAH, e.g. 2500000.00");
        }
    }
}

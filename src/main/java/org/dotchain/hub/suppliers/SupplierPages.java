package org.dotchain.hub.suppliers;

import java.security.Principal;
import org.dotchain.hub.platform.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The DPA's suppliers as a page: connected or not, their agreements, and suspending or resuming one. */
@Controller
@PreAuthorize("hasRole('DPA_ADMIN')")
class SupplierPages {

    private final SupplierAgreements agreements;

    SupplierPages(SupplierAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/admin/suppliers")
    String suppliers(Model model) {
        model.addAttribute("suppliers", agreements.all());
        return "admin/suppliers";
    }

    @PostMapping("/admin/suppliers/{code}/suspension")
    String suspend(Principal admin, @PathVariable String code, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes next) {
        try {
            agreements.suspend(admin.getName(), code, reason);
            next.addFlashAttribute("notice", "suppliers.suspended");
        } catch (Refusal | IllegalArgumentException refused) {
            next.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/admin/suppliers";
    }

    @PostMapping("/admin/suppliers/{code}/resumption")
    String resume(Principal admin, @PathVariable String code, RedirectAttributes next) {
        agreements.resume(admin.getName(), code);
        next.addFlashAttribute("notice", "suppliers.resumed");
        return "redirect:/admin/suppliers";
    }
}

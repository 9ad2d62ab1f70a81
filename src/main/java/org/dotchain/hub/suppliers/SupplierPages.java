package org.dotchain.hub.suppliers;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dotchain.hub.platform.Amounts;
import org.dotchain.hub.platform.Days;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The DPA's suppliers as a page: connected or not, their agreements, recording a new agreement, and suspending or
 * resuming one.
 */
@Controller
@PreAuthorize("hasRole('DPA_ADMIN')")
class SupplierPages {

    /** The product types an agreement's form takes: as many as the pages know. */
    static final int ITEM_ROWS = ProductTypes.ALL.size();

    private final SupplierAgreements agreements;

    SupplierPages(SupplierAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/admin/suppliers")
    String suppliers(Model model) {
        model.addAttribute("suppliers", agreements.all());
        model.addAttribute("types", ProductTypes.ALL);
        model.addAttribute("itemRows", ITEM_ROWS);
        return "admin/suppliers";
    }

    @PostMapping("/admin/suppliers/{code}/agreements")
    String recordAgreement(Principal admin, @PathVariable String code, @RequestParam Map<String, String> form,
                           RedirectAttributes next) {
        try {
            agreements.record(admin.getName(), code, new SupplierAgreements.NewAgreement(form.get("number"),
                    Days.typed("signedOn", form.get("signedOn")), Days.typed("validFrom", form.get("validFrom")),
                    Days.typed("validUntil", form.get("validUntil")), items(form)));
            next.addFlashAttribute("notice", "suppliers.agreementRecorded");
        } catch (Refusal | IllegalArgumentException | NoSuchElementException refused) {
            Map<String, String> typed = new HashMap<>(form);
            typed.put("supplier", code);
            PageRefusals.show(refused, typed, next);
        }
        return "redirect:/admin/suppliers";
    }

    @PostMapping("/admin/suppliers/{code}/suspension")
    String suspend(Principal admin, @PathVariable String code, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes next) {
        try {
            agreements.suspend(admin.getName(), code, reason);
            next.addFlashAttribute("notice", "suppliers.suspended");
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, Map.of("owner", "supplier-" + code, "reason", reason), next);
        }
        return "redirect:/admin/suppliers";
    }

    @PostMapping("/admin/suppliers/{code}/resumption")
    String resume(Principal admin, @PathVariable String code, RedirectAttributes next) {
        agreements.resume(admin.getName(), code);
        next.addFlashAttribute("notice", "suppliers.resumed");
        return "redirect:/admin/suppliers";
    }

    /** The rows that name a type; a row left empty is none. */
    private static List<FrameworkAgreement.Item> items(Map<String, String> form) {
        List<FrameworkAgreement.Item> items = new ArrayList<>();
        for (int row = 0; row < ITEM_ROWS; row++) {
            String type = form.getOrDefault("item" + row + ".type", "");
            String price = form.getOrDefault("item" + row + ".maxUnitPrice", "");
            if (type.isBlank() && price.isBlank()) {
                continue;
            }
            if (type.isBlank()) {
                throw new InvalidFieldException("items", "Each priced row names its product type");
            }
            items.add(new FrameworkAgreement.Item(type, Amounts.typed("items", price)));
        }
        return items;
    }
}

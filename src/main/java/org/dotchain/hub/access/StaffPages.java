package org.dotchain.hub.access;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people of no unit as a page: the DPA's administrators, signatories and operators and the suppliers' people,
 * and a new one made, with the activation link to hand over.
 */
@Controller
@PreAuthorize("hasRole('DPA_ADMIN')")
class StaffPages {

    static final List<Role> STAFF_ROLES = List.of(Role.DPA_SIGNATORY, Role.DPA_ADMIN, Role.OPERATOR, Role.SUPPLIER);

    private final AccessAdministration access;
    private final SupplierRepository suppliers;
    private final ActivationLinks links;

    StaffPages(AccessAdministration access, SupplierRepository suppliers, ActivationLinks links) {
        this.access = access;
        this.suppliers = suppliers;
        this.links = links;
    }

    @GetMapping("/admin/staff")
    String staff(Model model) {
        model.addAttribute("staff", access.staff());
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("suppliers", suppliers.findAll().stream().map(Supplier::getCode).sorted().toList());
        return "admin/staff";
    }

    @PostMapping("/admin/staff")
    String create(@AuthenticationPrincipal HubUser admin, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes next) {
        Map<String, String> typed = new HashMap<>(form.toSingleValueMap());
        typed.put("roles", String.join(",", form.getOrDefault("roles", List.of())));
        try {
            String supplier = typed.getOrDefault("supplierCode", "");
            AccessAdministration.Activation activation = access.createStaff(admin.username(), typed.get("username"),
                    typed.get("fullName"), roles(form.getOrDefault("roles", List.of())),
                    supplier.isBlank() ? null : supplier);
            next.addFlashAttribute("notice", "staff.created");
            next.addFlashAttribute("activations", List.of(links.of(activation)));
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, typed, next);
        }
        return "redirect:/admin/staff";
    }

    private static Set<Role> roles(List<String> names) {
        try {
            return names.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("roles", "No such role");
        }
    }
}

package org.dotchain.hub.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.dotchain.hub.platform.Days;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The DPA's units as pages: the register, and each unit's access procedure step by step (request letter,
 * designation letter with its people, their trainings, access granted with the activation links to hand over, or
 * withdrawn).
 */
@Controller
@PreAuthorize("hasRole('DPA_ADMIN')")
class UnitPages {

    /**
     * The people a designation letter names on the page's form: its orderer, receiver and signatory and their
     * deputies; a unit that designates more writes another letter.
     */
    static final int DESIGNATED_ROWS = 5;

    private final UnitRegistry registry;
    private final AccessAdministration access;
    private final ActivationLinks links;

    UnitPages(UnitRegistry registry, AccessAdministration access, ActivationLinks links) {
        this.registry = registry;
        this.access = access;
        this.links = links;
    }

    @GetMapping("/admin/units")
    String units(Model model) {
        model.addAttribute("units", registry.all());
        return "admin/units";
    }

    @PostMapping("/admin/units")
    String register(@AuthenticationPrincipal HubUser admin, @RequestParam Map<String, String> form,
                    RedirectAttributes next) {
        try {
            UnitRegistry.UnitView unit = registry.register(admin.username(), form.get("code"), form.get("name"));
            next.addFlashAttribute("notice", "units.registered");
            return "redirect:/admin/units/" + unit.code();
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, form, next);
            return "redirect:/admin/units";
        }
    }

    @GetMapping("/admin/units/{code}")
    String unit(@PathVariable String code, Model model) {
        model.addAttribute("unit", registry.one(code));
        model.addAttribute("rows", DESIGNATED_ROWS);
        model.addAttribute("unitRoles", List.of(Role.ORDERER, Role.RECEIVER, Role.UNIT_SIGNATORY));
        return "admin/unit";
    }

    @PostMapping("/admin/units/{code}/request-letter")
    String requestLetter(@AuthenticationPrincipal HubUser admin, @PathVariable String code,
                         @RequestParam Map<String, String> form, RedirectAttributes next) {
        return step(code, form, next, "units.requestRecorded", () -> access.recordRequestLetter(admin.username(),
                code, form.get("number"), Days.typed("date", form.get("date"))));
    }

    @PostMapping("/admin/units/{code}/designation-letter")
    String designationLetter(@AuthenticationPrincipal HubUser admin, @PathVariable String code,
                             @RequestParam MultiValueMap<String, String> form, RedirectAttributes next) {
        Map<String, String> typed = new HashMap<>(form.toSingleValueMap());
        for (int row = 0; row < DESIGNATED_ROWS; row++) {
            typed.put("person" + row + ".roles", String.join(",", form.getOrDefault("person" + row + ".roles",
                    List.of())));
        }
        return step(code, typed, next, "units.designationRecorded", () -> access.recordDesignationLetter(
                admin.username(), code, typed.get("number"), Days.typed("date", typed.get("date")),
                designated(form)));
    }

    @PostMapping("/admin/units/{code}/persons/{username}/training")
    String training(@AuthenticationPrincipal HubUser admin, @PathVariable String code, @PathVariable String username,
                    @RequestParam Map<String, String> form, RedirectAttributes next) {
        checkMember(code, username);
        Map<String, String> typed = new HashMap<>(form);
        typed.put("person", username);
        return step(code, typed, next, "units.trainingRecorded", () -> access.recordTraining(admin.username(),
                username, form.get("course"), Days.typed("completedOn", form.get("completedOn"))));
    }

    @PostMapping("/admin/units/{code}/access")
    String grant(@AuthenticationPrincipal HubUser admin, @PathVariable String code, RedirectAttributes next) {
        try {
            List<ActivationLinks.ActivationLink> granted = access.grantAccess(admin.username(), code).stream()
                    .map(links::of).toList();
            next.addFlashAttribute("notice", granted.isEmpty() ? "units.nobodyToGrant" : "units.granted");
            next.addFlashAttribute("activations", granted);
        } catch (Refusal refused) {
            PageRefusals.show(refused, next);
        }
        return "redirect:/admin/units/" + code;
    }

    @PostMapping("/admin/units/{code}/withdrawal")
    String withdraw(@AuthenticationPrincipal HubUser admin, @PathVariable String code, RedirectAttributes next) {
        return step(code, Map.of(), next, "units.withdrawn", () -> access.withdrawAccess(admin.username(), code));
    }

    @PostMapping("/admin/units/{code}/retirement")
    String retire(@AuthenticationPrincipal HubUser admin, @PathVariable String code, RedirectAttributes next) {
        return step(code, Map.of(), next, "units.retired", () -> registry.retire(admin.username(), code));
    }

    /** One step of the procedure: done and said so, or refused and said why, with what was typed kept. */
    private String step(String code, Map<String, String> typed, RedirectAttributes next, String done,
                        Runnable action) {
        try {
            action.run();
            next.addFlashAttribute("notice", done);
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, typed, next);
        }
        return "redirect:/admin/units/" + code;
    }

    /** The letter's rows that name somebody; a row with nothing typed is no person. */
    private static List<AccessAdministration.DesignatedPerson> designated(MultiValueMap<String, String> form) {
        List<AccessAdministration.DesignatedPerson> persons = new ArrayList<>();
        for (int row = 0; row < DESIGNATED_ROWS; row++) {
            String username = form.getFirst("person" + row + ".username");
            String fullName = form.getFirst("person" + row + ".fullName");
            List<String> roles = form.getOrDefault("person" + row + ".roles", List.of());
            if (blank(username) && blank(fullName) && roles.isEmpty()) {
                continue;
            }
            if (roles.isEmpty()) {
                throw new InvalidFieldException("roles", "Each person of the letter has at least one role");
            }
            Set<Role> chosen = roles.stream().map(UnitPages::role).collect(Collectors.toCollection(
                    () -> EnumSet.noneOf(Role.class)));
            persons.add(new AccessAdministration.DesignatedPerson(username == null ? null : username.strip(),
                    fullName, chosen));
        }
        return persons;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("roles", "No role " + name);
        }
    }

    private void checkMember(String code, String username) {
        if (registry.one(code).persons().stream().noneMatch(person -> person.username().equals(username))) {
            throw new NoSuchElementException("Unit " + code + " has no person " + username);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

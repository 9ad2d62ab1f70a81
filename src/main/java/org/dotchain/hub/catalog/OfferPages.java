package org.dotchain.hub.catalog;

import java.util.Map;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The suppliers' offers waiting for the DPA, as a page: each with its price against the agreement's highest. */
@Controller
@PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
class OfferPages {

    private final CatalogOffers offers;

    OfferPages(CatalogOffers offers) {
        this.offers = offers;
    }

    @GetMapping("/admin/offers")
    String offers(Model model) {
        model.addAttribute("offers", offers.list(CatalogOffer.Status.PENDING));
        return "admin/offers";
    }

    @PostMapping("/admin/offers/{offerId}/approval")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    String approve(@AuthenticationPrincipal HubUser admin, @PathVariable Long offerId, RedirectAttributes next) {
        try {
            offers.approve(admin.username(), offerId);
            next.addFlashAttribute("notice", "offers.approved");
        } catch (Refusal refused) {
            PageRefusals.show(refused, next);
        }
        return "redirect:/admin/offers";
    }

    @PostMapping("/admin/offers/{offerId}/rejection")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    String reject(@AuthenticationPrincipal HubUser admin, @PathVariable Long offerId,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes next) {
        try {
            offers.reject(admin.username(), offerId, reason);
            next.addFlashAttribute("notice", "offers.rejected");
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, Map.of("owner", "offer-" + offerId, "reason", reason), next);
        }
        return "redirect:/admin/offers";
    }
}

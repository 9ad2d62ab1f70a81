package org.dotchain.hub.ratings;

import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.ordering.OrderTracking;
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

/** Rating a product of an order whose items the unit received and authorised for use, as a page. */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
class RatingPages {

    private final Ratings ratings;
    private final OrderTracking tracking;

    RatingPages(Ratings ratings, OrderTracking tracking) {
        this.ratings = ratings;
        this.tracking = tracking;
    }

    @GetMapping("/orders/{orderNumber}/rating")
    String form(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber, Model model) {
        model.addAttribute("order", tracking.find(caller, orderNumber));
        return "ratings/rate";
    }

    @PostMapping("/orders/{orderNumber}/rating")
    String rate(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber,
                @RequestParam String productCode, @RequestParam(defaultValue = "0") int score,
                @RequestParam(required = false) String comment, RedirectAttributes next) {
        try {
            ratings.rate(caller, orderNumber, productCode, score, comment == null || comment.isBlank() ? null
                    : comment.strip());
            next.addFlashAttribute("notice", "rating.thanks");
            return "redirect:/orders/" + orderNumber;
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, next);
            return "redirect:/orders/" + orderNumber + "/rating";
        }
    }
}

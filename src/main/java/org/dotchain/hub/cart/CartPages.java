package org.dotchain.hub.cart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.InvalidFieldException;
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

/** The cart as a page: lines to change, the amounts against the budget, a price change to confirm. */
@Controller
@PreAuthorize("hasRole('ORDERER')")
class CartPages {

    /** What the "needed by" date says until the orderer changes it: a month ahead. */
    static final int DEFAULT_LEAD_DAYS = 30;

    private final CartService carts;
    private final Clock clock;

    CartPages(CartService carts, Clock clock) {
        this.carts = carts;
        this.clock = clock;
    }

    @GetMapping("/cart")
    String cart(@AuthenticationPrincipal HubUser orderer, Model model) {
        CartService.CartView cart = carts.view(orderer);
        model.addAttribute("cart", cart);
        model.addAttribute("after", cart.budget().available().subtract(cart.total()));
        model.addAttribute("requiredBy", LocalDate.now(clock).plusDays(DEFAULT_LEAD_DAYS));
        return "cart/cart";
    }

    /** From a product's card, or a line's quantity changed in the cart. */
    @PostMapping("/cart/lines/{productCode}")
    String setQuantity(@AuthenticationPrincipal HubUser orderer, @PathVariable String productCode,
                       @RequestParam(defaultValue = "1") String quantity, RedirectAttributes next) {
        try {
            carts.setQuantity(orderer, productCode, quantity(quantity));
            next.addFlashAttribute("notice", "cart.updated");
        } catch (Refusal | IllegalArgumentException refused) {
            // a wrong quantity is said beside its line's field, with what was typed; else above the cart
            PageRefusals.show(refused, Map.of("line", productCode, "quantity", quantity), next);
        }
        return "redirect:/cart";
    }

    private static int quantity(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("quantity", "'quantity' is a whole number from 1");
        }
    }

    @PostMapping("/cart/lines/{productCode}/removal")
    String remove(@AuthenticationPrincipal HubUser orderer, @PathVariable String productCode) {
        carts.remove(orderer, productCode);
        return "redirect:/cart";
    }

    /** The new prices as the page showed them, one field per changed line: price.&lt;code&gt;. */
    @PostMapping("/cart/price-confirmation")
    String confirmPrices(@AuthenticationPrincipal HubUser orderer, @RequestParam Map<String, String> form,
                         RedirectAttributes next) {
        Map<String, BigDecimal> seen = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("price.")) {
                seen.put(name.substring("price.".length()), new BigDecimal(value));
            }
        });
        try {
            carts.confirmPrices(orderer, seen);
        } catch (Refusal refused) {
            PageRefusals.show(refused, next);
        }
        return "redirect:/cart";
    }
}

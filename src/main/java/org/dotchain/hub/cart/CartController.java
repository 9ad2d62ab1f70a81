package org.dotchain.hub.cart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import org.dotchain.hub.access.HubUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cart")
@PreAuthorize("hasRole('ORDERER')")
@Tag(name = "Cart", description = "The unit's cart, checked against its available budget")
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    record Quantity(@NotNull @Schema(example = "4", minimum = "1", maximum = "10000") Integer quantity) {
    }

    @GetMapping
    @Operation(summary = "Lines, amounts, total and the budget; exceedsBudget with a message when checkout would be refused")
    CartService.CartView cart(@AuthenticationPrincipal HubUser caller) {
        return carts.view(caller);
    }

    @PutMapping("/lines/{productCode}")
    @Operation(summary = "Put a product in the cart, or change its quantity (1 or more)")
    CartService.CartView setQuantity(@AuthenticationPrincipal HubUser caller, @PathVariable String productCode,
                                     @Valid @RequestBody Quantity quantity) {
        return carts.setQuantity(caller, productCode, quantity.quantity());
    }

    record PriceConfirmation(@NotNull @Schema(description = "each changed line's product code with the new unit "
            + "price the orderer saw", example = "{\"SKF-FPV7\": 15200.00}") Map<String, BigDecimal> unitPrices) {
    }

    @PostMapping("/price-confirmation")
    @Operation(summary = "Accept the new prices of lines whose product's price changed since it was put in the cart; "
            + "checkout waits for this", description = "A price that changed again since the cart showed it is "
            + "refused with 409 price-changed and the lines' prices now.")
    CartService.CartView confirmPrices(@AuthenticationPrincipal HubUser caller,
                                       @Valid @RequestBody PriceConfirmation confirmation) {
        return carts.confirmPrices(caller, confirmation.unitPrices());
    }

    @DeleteMapping("/lines/{productCode}")
    @Operation(summary = "Remove a product from the cart")
    CartService.CartView remove(@AuthenticationPrincipal HubUser caller, @PathVariable String productCode) {
        return carts.remove(caller, productCode);
    }
}

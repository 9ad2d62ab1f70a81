package org.dotchain.hub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.MultiLine;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class OrderClosureController {

    private final OrderClosure closure;

    OrderClosureController(OrderClosure closure) {
        this.closure = closure;
    }

    record Closure(@NotBlank @Size(max = 500)
                   @Schema(example = "The supplier cannot replace the refused items this year") @MultiLine
                   String reason) {
    }

    @PostMapping("/api/orders/{orderNumber}/closure")
    @PreAuthorize("hasAnyRole('ORDERER', 'DPA_ADMIN')")
    @Operation(summary = "Close an order short: what it has not received will not come",
            description = "The money of the items not received goes back from committed to available, the supplier "
                    + "is told (order-closure-v1), and the order is DELIVERED with what arrived, COMPLETED once "
                    + "that is paid. Refused while items are on their way, or before the supplier accepted it.")
    OrderClosure.ClosureView close(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber,
                                   @Valid @RequestBody Closure closure) {
        return this.closure.closeShort(orderNumber, closure.reason(), caller);
    }
}

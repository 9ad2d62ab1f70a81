package org.dotchain.hub.ordering;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.Paging;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders", description = "Checkout, the unit's orders and pre-orders, cancellation")
class OrderController {

    /** What a unit's orders may be sorted by. */
    static final Set<String> SORTABLE = Set.of("createdAt", "orderNumber", "status", "total", "shipBy");

    private final Checkout checkout;
    private final OrderTracking tracking;
    private final OrderPlacement placement;

    OrderController(Checkout checkout, OrderTracking tracking, OrderPlacement placement) {
        this.checkout = checkout;
        this.tracking = tracking;
        this.placement = placement;
    }

    record CheckoutRequest(@NotNull @Schema(example = "2026-12-20",
            description = "when the unit needs what is not in stock; pre-orders promising later are declined")
                           LocalDate requiredBy) {
    }

    record CheckoutResult(List<OrderView> orders, List<OrderView> preOrders) {
    }

    @PostMapping("/api/cart/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ORDERER')")
    @Operation(summary = "Check out: an order per supplier for what is in stock (to sign), a pre-order for the rest")
    CheckoutResult checkout(@AuthenticationPrincipal HubUser caller, @Valid @RequestBody CheckoutRequest request) {
        Checkout.Result result = checkout.checkout(caller, request.requiredBy());
        return new CheckoutResult(result.orders(), result.preOrders());
    }

    @GetMapping("/api/orders")
    @PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
    @Operation(summary = "The unit's orders and pre-orders, newest first, optionally of one status")
    PagedModel<OrderView> orders(@AuthenticationPrincipal HubUser caller,
                                 @RequestParam(required = false) OrderStatus status,
                                 @ParameterObject @PageableDefault(size = 20, sort = "createdAt",
                                         direction = Sort.Direction.DESC) Pageable page) {
        return new PagedModel<>(tracking.list(caller, status, Paging.checked(page, SORTABLE)));
    }

    @GetMapping("/api/orders/{orderNumber}")
    @PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
    @Operation(summary = "One order: status history, and per line what was ordered, shipped, received and when expected")
    OrderView order(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber) {
        return tracking.find(caller, orderNumber);
    }

    @PostMapping("/api/orders/{orderNumber}/cancellation")
    @PreAuthorize("hasRole('ORDERER')")
    @Operation(summary = "Cancel an order not yet signed (its creator only): budget and stock are released")
    OrderView cancel(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber) {
        return placement.cancel(orderNumber, caller);
    }
}

package org.dotchain.hub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.MultiLine;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What arrived of an order's despatches, recorded by the unit's receiver, and where each item stands. */
@RestController
@Tag(name = "Orders")
class ReceiptController {

    private final Receipts receipts;

    ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    record ReceiptRequest(@NotBlank @Size(max = 64) @Schema(example = "DSP-2026-000001-1") String despatchNumber,
                          @Schema(description = "serial numbers of the items that arrived in good order")
                          @Size(max = 10_000) List<@NotBlank @Size(max = 64) String> received,
                          @Schema(description = "items refused, each with the reason (damaged, wrong item)")
                          @Size(max = 10_000) List<@Valid RefusedItem> refused) {
    }

    record RefusedItem(@NotBlank @Size(max = 64) String serialNumber,
                       @NotBlank @Size(max = 500) @MultiLine String reason) {
    }

    @PostMapping("/api/orders/{orderNumber}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('RECEIVER')")
    @Operation(summary = "Record what arrived of a despatch; the received items go on an expenditure invoice to sign, "
            + "items not named stay expected, refusals and shortfalls raise a claim against the supplier")
    Receipts.ReceiptView receive(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber,
                                 @Valid @RequestBody ReceiptRequest request) {
        return receipts.record(orderNumber, request.despatchNumber(),
                request.received() == null ? List.of() : request.received(),
                request.refused() == null ? List.of() : request.refused().stream()
                        .map(item -> new Receipts.Refusal(item.serialNumber(), item.reason())).toList(),
                caller);
    }

    @GetMapping("/api/orders/{orderNumber}/items")
    @PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
    @Operation(summary = "Every item shipped for the order by serial number: despatched, received, refused, or "
            + "authorised for operational use")
    List<Receipts.ItemView> items(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber) {
        return receipts.items(orderNumber, caller);
    }
}

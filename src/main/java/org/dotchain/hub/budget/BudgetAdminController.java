package org.dotchain.hub.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.MultiLine;
import org.dotchain.hub.platform.Period;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
@Tag(name = "Budgets", description = "The DPA's allocations, top-ups and reductions of the units' budgets")
class BudgetAdminController {

    private final BudgetAllocations allocations;

    BudgetAdminController(BudgetAllocations allocations) {
        this.allocations = allocations;
    }

    record Decision(@NotNull @Schema(example = "2500000.00") BigDecimal amount,
                    @NotBlank @Size(max = 40) @Schema(example = "DPA-2026/0412") String decisionNumber,
                    @NotNull @Schema(example = "2026-11-30") LocalDate decisionDate,
                    @NotBlank @Size(max = 500)
                    @Schema(example = "Order of the DPA No. 412 of 30.11.2026 on the drone programme")
                    @MultiLine String legalBasis) {

        BudgetDecision decision() {
            return new BudgetDecision(decisionNumber, decisionDate, legalBasis);
        }
    }

    @GetMapping("/budgets")
    @Operation(summary = "Every unit's allocated, reserved, committed, spent and available, with the totals",
            description = "Without a period, the balances now. With from and/or to (days, both included), the money "
                    + "each bucket gained or lost in that period.")
    BudgetAllocations.Overview overview(
            @Parameter(example = "2026-01-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(example = "2026-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return allocations.overview(new Period(from, to));
    }

    @GetMapping("/units/{unitCode}/budget")
    @Operation(summary = "One unit's budget window")
    BudgetAllocations.Figures budget(@PathVariable String unitCode) {
        return allocations.figuresOf(unitCode);
    }

    @GetMapping("/units/{unitCode}/budget/history")
    @Operation(summary = "One unit's allocations, top-ups and reductions, oldest first")
    List<BudgetAllocations.DecisionView> history(@PathVariable String unitCode) {
        return allocations.history(unitCode);
    }

    @PostMapping("/units/{unitCode}/budget/allocations")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Allocate money to a unit, or top it up, against a decision",
            description = "A decision number is recorded once per unit among its allocations (and once among its "
                    + "reductions): the same decision again is refused with 409.")
    ResponseEntity<BudgetAllocations.DecisionView> allocate(@AuthenticationPrincipal HubUser admin,
                                                            @PathVariable String unitCode,
                                                            @Valid @RequestBody Decision decision) {
        return created(unitCode, allocations.allocate(admin.username(), unitCode, decision.amount(),
                decision.decision()));
    }

    @PostMapping("/units/{unitCode}/budget/reductions")
    @PreAuthorize("hasRole('DPA_ADMIN')")
    @Operation(summary = "Reduce a unit's budget against a decision, from what is available only",
            description = "A reduction beyond the available amount is refused with 409 and the unit's amounts; "
                    + "reserved, committed and spent money is never taken back.")
    ResponseEntity<BudgetAllocations.DecisionView> reduce(@AuthenticationPrincipal HubUser admin,
                                                          @PathVariable String unitCode,
                                                          @Valid @RequestBody Decision decision) {
        return created(unitCode, allocations.reduce(admin.username(), unitCode, decision.amount(),
                decision.decision()));
    }

    private static ResponseEntity<BudgetAllocations.DecisionView> created(String unitCode,
                                                                          BudgetAllocations.DecisionView decision) {
        return ResponseEntity.created(URI.create("/api/admin/units/" + unitCode + "/budget/history")).body(decision);
    }
}

package org.dotchain.hub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.Paging;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The expenditure invoices section: each invoice's status, items, document and signature. */
@RestController
@Tag(name = "Expenditure invoices", description = "What a unit received and signed for, invoice by invoice")
class InvoiceController {

    /** The fields a list may be sorted by. */
    static final Set<String> SORTABLE = Set.of("createdAt", "signedAt", "invoiceNumber", "total", "status");

    private final ExpenditureInvoices invoices;

    InvoiceController(ExpenditureInvoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/invoices")
    @Operation(summary = "Expenditure invoices, newest first, optionally of one status: the unit's for its people, "
            + "the supplier's for its people, all for the DPA and operators; sorted by createdAt, signedAt, "
            + "invoiceNumber, total or status; sign one at /api/documents/{documentId}")
    PagedModel<ExpenditureInvoices.InvoiceView> list(@AuthenticationPrincipal HubUser caller,
            @RequestParam(required = false) ExpenditureInvoice.Status status,
            @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
            Pageable page) {
        return new PagedModel<>(invoices.visibleTo(caller, status, Paging.checked(page, SORTABLE)));
    }
}

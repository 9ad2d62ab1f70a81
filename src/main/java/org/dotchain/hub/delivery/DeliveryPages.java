package org.dotchain.hub.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.dotchain.hub.signing.PageSigning;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What arrived, as pages: the receiver's receipt of a despatch item by item (arrived, refused and why, not there),
 * and the expenditure invoices it issues, to sign; signed, their items are authorised for use.
 */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
class DeliveryPages {

    private final Receipts receipts;
    private final ExpenditureInvoices invoices;
    private final PageSigning pageSigning;

    DeliveryPages(Receipts receipts, ExpenditureInvoices invoices, PageSigning pageSigning) {
        this.receipts = receipts;
        this.invoices = invoices;
        this.pageSigning = pageSigning;
    }

    /** Every despatch of the order with its items; the ones still on their way have the receipt form. */
    @GetMapping("/orders/{orderNumber}/receipt")
    String receipt(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber, Model model) {
        Map<String, List<Receipts.ItemView>> despatches = new LinkedHashMap<>();
        receipts.items(orderNumber, caller).forEach(item -> despatches
                .computeIfAbsent(item.despatchNumber(), despatch -> new ArrayList<>()).add(item));
        model.addAttribute("orderNumber", orderNumber);
        model.addAttribute("despatches", despatches);
        return "delivery/receipt";
    }

    /** The form's fields: item.&lt;serial&gt; = ARRIVED, REFUSED or MISSING; reason.&lt;serial&gt; for a refusal. */
    @PostMapping("/orders/{orderNumber}/receipt")
    @PreAuthorize("hasRole('RECEIVER')")
    String record(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber,
                  @RequestParam String despatchNumber, @RequestParam Map<String, String> form,
                  RedirectAttributes next) {
        List<String> arrived = new ArrayList<>();
        List<Receipts.Refusal> refused = new ArrayList<>();
        form.forEach((name, value) -> {
            if (name.startsWith("item.")) {
                String serial = name.substring("item.".length());
                if (value.equals("ARRIVED")) {
                    arrived.add(serial);
                } else if (value.equals("REFUSED")) {
                    refused.add(new Receipts.Refusal(serial, form.getOrDefault("reason." + serial, "").strip()));
                }
            }
        });
        try {
            Receipts.ReceiptView receipt = receipts.record(orderNumber, despatchNumber, arrived, refused, caller);
            next.addFlashAttribute("notice", "receipt.recorded");
            return receipt.invoice() == null ? "redirect:/orders/" + orderNumber : "redirect:/invoices";
        } catch (Refusal | IllegalArgumentException refusedReceipt) {
            PageRefusals.show(refusedReceipt, form, next);
            return "redirect:/orders/" + orderNumber + "/receipt";
        }
    }

    @GetMapping("/invoices")
    String invoices(@AuthenticationPrincipal HubUser caller,
                    @RequestParam(required = false) ExpenditureInvoice.Status status, Model model) {
        model.addAttribute("invoices", invoices.visibleTo(caller, status, PageRequest.of(0, 50,
                Sort.by(Sort.Direction.DESC, "createdAt"))));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ExpenditureInvoice.Status.values());
        return "delivery/invoices";
    }

    @PostMapping("/invoices/{documentId}/signature")
    @PreAuthorize("hasRole('RECEIVER')")
    String sign(@AuthenticationPrincipal HubUser caller, @PathVariable Long documentId, RedirectAttributes next) {
        pageSigning.sign(() -> documentId, caller, "invoices.signed", next);
        return "redirect:/invoices";
    }
}

package org.dotchain.hub.ordering;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.LiveUpdates;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.dotchain.hub.signing.PageSigning;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unit's orders as pages: the list, an order with its lines' tracking and history, the creator's signature,
 * and its status as server-sent events, so an open page follows the order as the supplier answers and ships.
 */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
class OrderPages {

    /** Statuses whose items have arrived, so that the unit may rate them once their invoice is signed. */
    static final Set<OrderStatus> RATEABLE = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.PAID,
            OrderStatus.COMPLETED);
    /** Statuses an order does not leave: its page's stream ends there. */
    static final Set<OrderStatus> FINAL = EnumSet.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED,
            OrderStatus.DECLINED, OrderStatus.EXPIRED, OrderStatus.REJECTED_BY_SUPPLIER);

    private final OrderTracking tracking;
    private final Checkout checkout;
    private final PageSigning pageSigning;
    private final MessageSource messages;
    private final LiveUpdates live;

    OrderPages(OrderTracking tracking, Checkout checkout, PageSigning pageSigning, MessageSource messages,
               LiveUpdates live) {
        this.messages = messages;
        this.live = live;
        this.tracking = tracking;
        this.checkout = checkout;
        this.pageSigning = pageSigning;
    }

    @GetMapping("/orders")
    String orders(@AuthenticationPrincipal HubUser caller, @RequestParam(required = false) OrderStatus status,
                  Model model) {
        model.addAttribute("orders", tracking.list(caller, status, PageRequest.of(0, 50,
                Sort.by(Sort.Direction.DESC, "createdAt"))));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        return "orders/list";
    }

    @PostMapping("/orders")
    @PreAuthorize("hasRole('ORDERER')")
    String checkout(@AuthenticationPrincipal HubUser caller,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requiredBy,
                    RedirectAttributes next) {
        try {
            Checkout.Result result = checkout.checkout(caller, requiredBy);
            next.addFlashAttribute("notice", "orders.placed");
            return result.orders().isEmpty() ? "redirect:/orders"
                    : "redirect:/orders/" + result.orders().get(0).orderNumber();
        } catch (Refusal | IllegalArgumentException refused) {
            PageRefusals.show(refused, next);
            return "redirect:/cart";
        }
    }

    @GetMapping("/orders/{orderNumber}")
    String order(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber, Model model) {
        OrderView order = tracking.find(caller, orderNumber);
        model.addAttribute("order", order);
        model.addAttribute("live", !FINAL.contains(order.status()));
        model.addAttribute("rateable", RATEABLE.contains(order.status()));
        model.addAttribute("maySign", order.status() == OrderStatus.AWAITING_SIGNATURE && order.documentId() != null
                && caller.username().equals(order.createdBy()));
        return "orders/order";
    }

    @PostMapping("/orders/{orderNumber}/signature")
    @PreAuthorize("hasRole('ORDERER')")
    String sign(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber, RedirectAttributes next) {
        pageSigning.sign(() -> tracking.find(caller, orderNumber).documentId(), caller, "orders.signed", next);
        return "redirect:/orders/" + orderNumber;
    }

    /**
     * The order's status as it changes, as an htmx SSE event named "status" carrying its text, until its end; no
     * stream (204, which ends the page's asking) for an order that has ended.
     */
    @GetMapping(value = "/orders/{orderNumber}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> events(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber,
                                      Locale locale) {
        if (FINAL.contains(tracking.find(caller, orderNumber).status())) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(live.follow(() -> {
            OrderStatus now = tracking.find(caller, orderNumber).status();
            return LiveUpdates.Look.of("status", messages.getMessage("status." + now.name(), null, now.name(),
                    locale), FINAL.contains(now));
        }));
    }
}

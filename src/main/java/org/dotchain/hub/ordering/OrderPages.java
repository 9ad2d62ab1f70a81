package org.dotchain.hub.ordering;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.dotchain.hub.signing.SigningService;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The unit's orders as pages: the list, an order with its lines' tracking and history, the creator's signature,
 * and its status as server-sent events, so an open page follows the order as the supplier answers and ships.
 */
@Controller
@PreAuthorize("hasAnyRole('ORDERER', 'RECEIVER', 'UNIT_SIGNATORY')")
class OrderPages {

    /** How often an open order page's status is looked at; a change is sent at once after. */
    static final long STATUS_POLL_SECONDS = 2;
    static final long STATUS_STREAM_MINUTES = 10;
    /** Statuses whose items have arrived, so that the unit may rate them once their invoice is signed. */
    static final Set<OrderStatus> RATEABLE = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.PAID,
            OrderStatus.COMPLETED);
    /** Statuses an order does not leave: its page's stream ends there. */
    static final Set<OrderStatus> FINAL = EnumSet.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED,
            OrderStatus.DECLINED, OrderStatus.EXPIRED, OrderStatus.REJECTED_BY_SUPPLIER);

    private final OrderTracking tracking;
    private final Checkout checkout;
    private final SigningService signing;
    private final MessageSource messages;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "order-status-events");
        thread.setDaemon(true);
        return thread;
    });

    OrderPages(OrderTracking tracking, Checkout checkout, SigningService signing, MessageSource messages) {
        this.messages = messages;
        this.tracking = tracking;
        this.checkout = checkout;
        this.signing = signing;
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
        OrderView order = tracking.find(caller, orderNumber);
        try {
            signing.signWithDevelopmentKey(order.documentId(), caller);
            next.addFlashAttribute("notice", "orders.signed");
        } catch (Refusal refused) {
            PageRefusals.show(refused, next);
        }
        return "redirect:/orders/" + orderNumber;
    }

    /**
     * The order's status as it changes, as an htmx SSE event named "status" carrying its text; a comment between as
     * a heartbeat, so a closed page is noticed at the next look; the stream ends with the order's end.
     */
    @GetMapping(value = "/orders/{orderNumber}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@AuthenticationPrincipal HubUser caller, @PathVariable String orderNumber, Locale locale) {
        tracking.find(caller, orderNumber);
        SseEmitter emitter = new SseEmitter(TimeUnit.MINUTES.toMillis(STATUS_STREAM_MINUTES));
        AtomicReference<OrderStatus> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable look = () -> {
            try {
                OrderStatus now = tracking.find(caller, orderNumber).status();
                if (now != last.getAndSet(now)) {
                    emitter.send(SseEmitter.event().name("status").data(HtmlUtils.htmlEscape(
                            messages.getMessage("status." + now.name(), null, now.name(), locale))));
                } else {
                    emitter.send(SseEmitter.event().comment("still " + now.name()));
                }
                if (FINAL.contains(now)) {
                    emitter.complete();
                    stop(task);
                }
            } catch (IOException | RuntimeException gone) {
                emitter.complete();
                stop(task);
            }
        };
        task.set(watcher.scheduleWithFixedDelay(look, 0, STATUS_POLL_SECONDS, TimeUnit.SECONDS));
        emitter.onCompletion(() -> stop(task));
        emitter.onTimeout(() -> {
            stop(task);
            emitter.complete();
        });
        emitter.onError(error -> stop(task));
        return emitter;
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> running = task.get();
        if (running != null) {
            running.cancel(false);
        }
    }

    @PreDestroy
    void stopWatching() {
        watcher.shutdownNow();
    }
}

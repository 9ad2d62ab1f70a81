package org.dotchain.hub.operations;

import java.util.Map;
import java.util.NoSuchElementException;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Texts;
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
 * The operator's console as a page: every route with its state and figures (stop, start), every queue with what
 * waits on it, and the dead letters with their reason and body, each to replay or to discard with a reason. Message
 * flow only: no unit's budget, no person's data beyond what a message carries.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ConsolePages {

    private final RouteFigures figures;
    private final DeadLetters deadLetters;
    private final OrderTrace traces;

    ConsolePages(RouteFigures figures, DeadLetters deadLetters, OrderTrace traces) {
        this.figures = figures;
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    @GetMapping("/operations")
    String console(Model model) {
        model.addAttribute("routeGroups", figures.routesByGroup());
        model.addAttribute("queues", figures.queues());
        model.addAttribute("deadLetters", deadLetters.list());
        return "operations/console";
    }

    /** Every hop of every message about an order (or a certificate, an offer), with the statuses it reached. */
    @GetMapping("/operations/trace")
    String trace(@RequestParam(defaultValue = "") String reference, Model model) {
        String wanted = reference.strip();
        model.addAttribute("reference", wanted);
        if (!wanted.isEmpty()) {
            model.addAttribute("trace", traces.of(wanted.length() > 64 ? wanted.substring(0, 64) : wanted));
        }
        return "operations/trace";
    }

    @PostMapping("/operations/routes/{routeId}/{action:stop|start}")
    String route(@AuthenticationPrincipal HubUser operator, @PathVariable String routeId, @PathVariable String action,
                 RedirectAttributes next) throws Exception {
        try {
            if ("stop".equals(action)) {
                figures.stop(routeId, operator.username());
            } else {
                figures.start(routeId, operator.username());
            }
            next.addFlashAttribute("notice", "console.route." + action);
        } catch (NoSuchElementException gone) {
            PageRefusals.show(gone, next);
        }
        return "redirect:/operations";
    }

    @PostMapping("/operations/dead-letters/{queue}/{jmsMessageId}/replay")
    String replay(@AuthenticationPrincipal HubUser operator, @PathVariable String queue,
                  @PathVariable String jmsMessageId, RedirectAttributes next) {
        try {
            deadLetters.replay(queue, jmsMessageId, operator.username());
            next.addFlashAttribute("notice", "console.replayed");
        } catch (NoSuchElementException gone) {
            PageRefusals.show(gone, next);
        }
        return "redirect:/operations";
    }

    @PostMapping("/operations/dead-letters/{queue}/{jmsMessageId}/discard")
    String discard(@AuthenticationPrincipal HubUser operator, @PathVariable String queue,
                   @PathVariable String jmsMessageId, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes next) {
        try {
            String why = Texts.required("reason", reason, 500, "A discard's reason is 1 to 500 characters");
            deadLetters.discard(queue, jmsMessageId, operator.username(), why);
            next.addFlashAttribute("notice", "console.discarded");
        } catch (IllegalArgumentException | NoSuchElementException refused) {
            PageRefusals.show(refused, Map.of("owner", "letter-" + jmsMessageId, "reason", reason), next);
        }
        return "redirect:/operations";
    }
}

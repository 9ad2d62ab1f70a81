package org.dotchain.hub.operations;

import org.dotchain.hub.access.HubUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The alerts that concern the reader, as a page, and their number on every page's frame, which shows new alerts
 * without reloading: it asks every few seconds (a poll, not a stream, so that a person's many open tabs hold no
 * connection each).
 */
@Controller
class AlertPages {

    private final Alerts alerts;

    AlertPages(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String alerts(@AuthenticationPrincipal HubUser caller, Model model) {
        model.addAttribute("alerts", alerts.visibleTo(caller));
        return "operations/alerts";
    }

    /** The number of the reader's alerts, which every page's frame asks for every few seconds. */
    @GetMapping(value = "/alerts/count", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String count(@AuthenticationPrincipal HubUser caller) {
        return String.valueOf(alerts.countVisibleTo(caller));
    }
}

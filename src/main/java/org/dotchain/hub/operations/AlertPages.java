package org.dotchain.hub.operations;

import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.platform.LiveUpdates;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The alerts that concern the reader, as a page, and their number on every page's frame, which follows new alerts
 * without reloading.
 */
@Controller
class AlertPages {

    private final Alerts alerts;
    private final LiveUpdates live;

    AlertPages(Alerts alerts, LiveUpdates live) {
        this.alerts = alerts;
        this.live = live;
    }

    @GetMapping("/alerts")
    String alerts(@AuthenticationPrincipal HubUser caller, Model model) {
        model.addAttribute("alerts", alerts.visibleTo(caller));
        return "operations/alerts";
    }

    /** The number of the reader's alerts as it grows, as the event "alerts". */
    @GetMapping(value = "/alerts/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@AuthenticationPrincipal HubUser caller) {
        return live.follow(() -> LiveUpdates.Look.of("alerts", String.valueOf(alerts.countVisibleTo(caller)), false));
    }
}

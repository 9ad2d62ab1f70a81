package org.dotchain.hub.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.operations.Alerts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's frame shows: who is logged in, the unit's budget window for its people, the language and the
 * links to the same page in the other one. Only whole pages get it: neither the API's answers nor the pieces of a
 * page that htmx swaps in.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final BudgetLedger ledger;
    private final Alerts alerts;

    LayoutModel(BudgetLedger ledger, Alerts alerts) {
        this.ledger = ledger;
        this.alerts = alerts;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        // a problem page (the error dispatch) fills its frame itself, without the database after a 5xx
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
                || view.getViewName().contains("::") || request.getDispatcherType() == DispatcherType.ERROR) {
            return;
        }
        fill(view, request, true);
    }

    /**
     * The frame's model, for a view made outside a handler too (a problem page); without what the database holds
     * (the alerts, the budget) where the database may be what failed.
     */
    void fill(ModelAndView view, HttpServletRequest request, boolean fromDatabase) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HubUser me) {
            view.addObject("me", me);
            if (fromDatabase) {
                view.addObject("alertCount", alerts.countVisibleTo(me));
            }
            if (fromDatabase && me.unitId() != null) {
                view.addObject("budget", ledger.budgetOf(me.unitId()));
            }
        }
        view.addObject("lang", LocaleContextHolder.getLocale().getLanguage());
        view.addObject("path", request.getRequestURI());
        if (!view.getModel().containsKey("here")) {
            // a page answering a form says itself where the same page is in the other language
            // a problem page (the error dispatch) is about the address asked for, not /error
            Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String uri = failedUri != null ? failedUri.toString() : request.getRequestURI();
            String here = UriComponentsBuilder.fromPath(uri).query(request.getQueryString())
                    .replaceQueryParam("lang").build().toUriString();
            view.addObject("here", here + (here.contains("?") ? "&" : "?"));
        }
    }
}

package org.dotchain.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.budget.BudgetLedger;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's frame shows: who is logged in, the unit's budget window for its people, the language and the
 * links to the same page in the other one. Only views get it; the API's answers have no model.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final BudgetLedger ledger;

    LayoutModel(BudgetLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        fill(view, request);
    }

    /** The frame's model, for a view made outside a handler too (a problem page). */
    void fill(ModelAndView view, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HubUser me) {
            view.addObject("me", me);
            if (me.unitId() != null) {
                view.addObject("budget", ledger.budgetOf(me.unitId()));
            }
        }
        view.addObject("lang", LocaleContextHolder.getLocale().getLanguage());
        view.addObject("path", request.getRequestURI());
        String here = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang").build().toUriString();
        view.addObject("here", here + (here.contains("?") ? "&" : "?"));
    }
}

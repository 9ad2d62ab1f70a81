package org.dotchain.hub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session is only as good as the person behind it now: at every page request the person is read again, so
 * that access withdrawn (or a unit retired) ends the session at once, and changed roles count from the next page;
 * and a session whose person has been away for its lifetime ends, however busy the open page keeps it.
 */
class PageSessionCheck extends OncePerRequestFilter {

    /** The session's attribute: when its person last took a step of their own (epoch milliseconds). */
    private static final String LAST_STEP = PageSessionCheck.class.getName() + ".lastStep";

    private final PersonRepository persons;
    private final SecurityContextRepository sessions;
    private final TransactionTemplate reading;
    private final Clock clock;

    PageSessionCheck(PersonRepository persons, SecurityContextRepository sessions, TransactionTemplate reading,
                     Clock clock) {
        this.persons = persons;
        this.sessions = sessions;
        this.reading = reading;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HubUser user) {
            HubUser now = reading.execute(status -> persons.findById(user.personId())
                    .filter(Person::isActive).map(HubUser::of).orElse(null));
            HttpSession session = request.getSession(false);
            if (now == null || idle(session, request)) {
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                LoginRedirect.send(request, response, "/login?expired");
                return;
            }
            if (!now.equals(user)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null,
                        now.getAuthorities()));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the person has taken no step for the session's lifetime: the polls and live streams of an open page
     * keep the servlet's session going, but only a person's own requests count as activity.
     */
    private boolean idle(HttpSession session, HttpServletRequest request) {
        if (session == null) {
            return false;
        }
        long now = clock.millis();
        Object last = session.getAttribute(LAST_STEP);
        if (LoginRedirect.background(request)) {
            return last instanceof Long at && session.getMaxInactiveInterval() > 0
                    && now - at > session.getMaxInactiveInterval() * 1000L;
        }
        session.setAttribute(LAST_STEP, now);
        return false;
    }
}

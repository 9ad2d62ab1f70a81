package org.dotchain.hub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session is only as good as the person behind it now: at every page request the person is read again, so
 * that access withdrawn (or a unit retired) ends the session at once, and changed roles count from the next page.
 */
class PageSessionCheck extends OncePerRequestFilter {

    private final PersonRepository persons;
    private final SecurityContextRepository sessions;
    private final TransactionTemplate reading;

    PageSessionCheck(PersonRepository persons, SecurityContextRepository sessions, TransactionTemplate reading) {
        this.persons = persons;
        this.sessions = sessions;
        this.reading = reading;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HubUser user) {
            HubUser now = reading.execute(status -> persons.findById(user.personId())
                    .filter(Person::isActive).map(HubUser::of).orElse(null));
            if (now == null) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect("/login?expired");
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
}

package org.dotchain.hub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat listens before the hub's routes exist: until the hub is ready, every request but health gets 503 with
 * Retry-After, a problem that says to try again, instead of a 404 from a route not yet started, which a partner
 * would take as a refusal and drop its message. The same when the hub stops taking traffic on its way down.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartingGate extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;

    private volatile boolean ready;

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> change) {
        ready = change.getState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ready || request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        ProblemResponses.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "starting",
                "The hub is starting or stopping; send the request again in " + RETRY_AFTER_SECONDS + " s"));
    }
}

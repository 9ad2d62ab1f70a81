package org.dotchain.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * To the login page: a page's request is redirected; one of htmx's (a poll, a piece of a page) is answered 401
 * with HX-Redirect, so that the whole page goes to the login instead of the login page landing inside a piece.
 */
final class LoginRedirect {

    private LoginRedirect() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, String login) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", login);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(login);
        }
    }

    /** A request a page makes by itself (htmx's poll or swap, a live stream), not a person's step. */
    static boolean background(HttpServletRequest request) {
        boolean htmx = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
        return htmx || String.valueOf(request.getHeader("Accept")).contains("text/event-stream");
    }
}

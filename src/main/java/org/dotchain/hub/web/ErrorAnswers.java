package org.dotchain.hub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.dotchain.hub.platform.Problems;
import org.dotchain.hub.platform.RequestGuard;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever failed before or outside a controller's own answer (no such path, a method not allowed, a request the
 * container or the firewall refused, an error nobody caught): the hub's own problem page for a browser, which asks
 * for HTML, and problem+json for every other caller. Never Spring's or Tomcat's default, never what
 * failed inside.
 */
@Controller
class ErrorAnswers implements ErrorController {

    private static final Map<Integer, String> PAGE_TITLES = Map.of(404, "problem.notFound", 403, "problem.forbidden",
            400, "problem.badRequest", 405, "problem.badRequest", 413, "problem.badRequest",
            503, "problem.unavailable");

    private final LayoutModel layout;

    ErrorAnswers(LayoutModel layout) {
        this.layout = layout;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ModelAndView page = new ModelAndView("problem");
        page.addObject("problemTitle", PAGE_TITLES.getOrDefault(status.value(), "problem.internal"));
        page.setStatus(status);
        layout.fill(page, request, !status.is5xxServerError());
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = switch (status.value()) {
            case 404 -> Problems.of(status, "not-found", "There is nothing at this address");
            case 405 -> Problems.of(status, "method-not-allowed", "This address does not take that method");
            case 413 -> Problems.of(status, "too-large", "The request is too large");
            case 401, 403 -> Problems.of(status, "forbidden", "Log in with a role that allows this");
            default -> status.is4xxClientError()
                    ? Problems.of(status, "bad-request", "The request cannot be read as it is")
                    : Problems.internal();
        };
        problem.setProperty(RequestGuard.REQUEST_ID, request.getAttribute(RequestGuard.REQUEST_ID));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The status of the error being answered; /error asked for directly is no address of its own (404). */
    private static HttpStatus statusOf(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(code);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}

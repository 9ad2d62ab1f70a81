package org.dotchain.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import org.dotchain.hub.platform.PageRefusals;
import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that cannot be shown as asked: a readable page in the reader's language, with what went wrong and the way
 * back, never an error dump. The API's controllers have their own advice, which goes first.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    private final LayoutModel layout;

    PageProblems(LayoutModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        // the page's title says it in the reader's language; what was asked for is in its address
        return page(request, response, HttpStatus.NOT_FOUND, "problem.notFound", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.FORBIDDEN, "problem.forbidden", null);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
        DateTimeParseException.class})
    ModelAndView badAddress(HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.BAD_REQUEST, "problem.badRequest", null);
    }

    @ExceptionHandler({Refusal.class, IllegalArgumentException.class})
    ModelAndView refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.CONFLICT, "problem.refused", PageRefusals.said(e));
    }

    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String title, Object detail) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("problem");
        page.addObject("problemTitle", title);
        page.addObject("detail", detail);
        page.setStatus(status);
        layout.fill(page, request, true);
        return page;
    }
}

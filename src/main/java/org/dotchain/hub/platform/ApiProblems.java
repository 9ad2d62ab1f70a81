package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as problem+json: a stable type, a message a person can act on, the field at fault. Only
 * for the API's controllers, and before any other advice; the pages have theirs.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    /** PostgreSQL's string_data_right_truncation. */
    private static final String VALUE_TOO_LONG = "22001";

    /** Every refusal, by the mapping the Camel routes answer with too. */
    @ExceptionHandler({Refusal.class, NoSuchElementException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        ProblemDetail problem = Problems.of(e).orElseThrow(() -> e);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (e instanceof Refusal refusal) {
            refusal.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(wait.toSeconds())));
        }
        return answer.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "'" + e.getValue() + "' is not a valid "
                + e.getName(), e.getName());
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-sort",
                "Cannot sort by '" + e.getPropertyName() + "': no such property", "sort");
    }

    /** Two requests at once that cannot both be taken: the one that lost may try again, and is told so. */
    @ExceptionHandler({DataIntegrityViolationException.class, ConcurrencyFailureException.class})
    ProblemDetail concurrent(RuntimeException e) {
        // a value the request's bounds should have refused, should one be missing: said so, not as a conflict
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                && VALUE_TOO_LONG.equals(sql.getSQLState())) {
            log.warn("A value longer than its column reached the database; its request field needs a bound");
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "A value is longer than the hub keeps");
        }
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Another request changed the same data at the same "
                + "time: look again and retry");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var error = e.getBindingResult().getFieldErrors().stream().findFirst();
        String field = error.map(found -> found.getField()).orElse(null);
        String detail = error.map(found -> "'" + found.getField() + "' " + found.getDefaultMessage())
                .orElse("The request is not valid");
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", detail, field));
    }

    /** A parameter past its bound (a search text too long): the parameter, and the bound. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        var result = e.getParameterValidationResults().stream().findFirst();
        String field = result.map(found -> found.getMethodParameter().getParameterName()).orElse(null);
        String detail = result.flatMap(found -> found.getResolvableErrors().stream().findFirst())
                .map(error -> "'" + field + "' " + error.getDefaultMessage()).orElse("The request is not valid");
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", detail, field));
    }

    /** A body that is not the JSON asked for: which field, if one is to blame, and never the parser's own words. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedBody.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE, "too-large", tooLarge.getMessage()));
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(step -> step.getFieldName() != null ? step.getFieldName()
                    : "[" + step.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-field",
                    "'" + field + "' is not a valid value here: " + (mapping instanceof StrictJson.UncleanText unclean
                            ? "it " + unclean.getOriginalMessage()
                            : "see the API's description of the field"), field));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is not valid JSON, or not one document of the expected shape"));
    }

    /**
     * Anything else is the hub's fault, not the caller's: a 500 that says so and names the request id the log has,
     * never what failed inside.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.causedBy(e)) {
            log.warn("Request {} failed: the database connection was lost ({})", MDC.get(RequestGuard.REQUEST_ID),
                    e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                    Long.toString(DatabaseAway.RETRY_AFTER_SECONDS)).body(DatabaseAway.problem());
        }
        log.error("Request {} failed", MDC.get(RequestGuard.REQUEST_ID), e);
        return ResponseEntity.internalServerError().body(Problems.internal());
    }
}

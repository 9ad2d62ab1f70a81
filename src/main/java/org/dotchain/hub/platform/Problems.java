package org.dotchain.hub.platform;

import java.net.URI;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** problem+json bodies with a stable type per kind of refusal, so that clients can act on the type, not the text. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        // the request's id, which the log carries, when the problem answers a request (RequestGuard)
        String requestId = MDC.get(RequestGuard.REQUEST_ID);
        if (requestId != null) {
            problem.setProperty(RequestGuard.REQUEST_ID, requestId);
        }
        return problem;
    }

    /**
     * The one answer to a refusal, whichever part of the hub serves the request (Spring MVC or a Camel route): a
     * feature's {@link Refusal}, a thing that is not there, or a request that cannot be; empty for a failure that is
     * not a refusal of the request.
     */
    public static Optional<ProblemDetail> of(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return Optional.of(refusal.toProblem());
        }
        if (failure instanceof NoSuchElementException) {
            return Optional.of(of(HttpStatus.NOT_FOUND, "not-found", failure.getMessage()));
        }
        if (failure instanceof InvalidFieldException invalid) {
            return Optional.of(of(HttpStatus.BAD_REQUEST, "invalid-field", invalid.getMessage(), invalid.getField()));
        }
        if (failure instanceof IllegalArgumentException) {
            return Optional.of(of(HttpStatus.BAD_REQUEST, "invalid-request", failure.getMessage()));
        }
        return Optional.empty();
    }

    /** The hub's own failure: it says so, and the request id to quote, never what failed inside. */
    public static ProblemDetail internal() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "The hub failed to answer this request; quote its "
                + "request id to the operators");
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail, String field) {
        ProblemDetail problem = of(status, type, detail);
        problem.setProperty("field", field);
        return problem;
    }
}

package org.dotchain.hub.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal a feature raises, with its HTTP status and its stable problem type, so that one handler answers every
 * refusal of every feature the same way and the platform needs to know none of them.
 */
public abstract class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    protected Refusal(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /** The problem+json answer; a refusal with more to say adds its properties. */
    public ProblemDetail toProblem() {
        return Problems.of(status, type, getMessage());
    }
}

package org.dotchain.hub.platform;

import java.net.URI;
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
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail, String field) {
        ProblemDetail problem = of(status, type, detail);
        problem.setProperty("field", field);
        return problem;
    }
}

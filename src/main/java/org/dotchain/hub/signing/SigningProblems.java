package org.dotchain.hub.signing;

import org.dotchain.hub.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SigningProblems {

    @ExceptionHandler(SigningRefusedException.class)
    ProblemDetail refused(SigningRefusedException e) {
        return Problems.of(HttpStatus.CONFLICT, "signing-refused", e.getMessage());
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ProblemDetail rejected(SignatureRejectedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "signature-rejected", e.getMessage());
        if (e.getReport() != null) {
            problem.setProperty("report", e.getReport());
        }
        return problem;
    }
}

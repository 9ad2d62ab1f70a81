package org.dotchain.hub.signing;

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Signing refused");
        return problem;
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ProblemDetail rejected(SignatureRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Signature rejected");
        if (e.getReport() != null) {
            problem.setProperty("report", e.getReport());
        }
        return problem;
    }
}

package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.NoSuchElementException;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.InvalidMessageException;
import org.dotchain.hub.platform.Problems;
import org.dotchain.hub.signing.SignatureRejectedException;
import org.dotchain.hub.signing.SigningRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;

/**
 * One way to say no: a failure is the same refusal, status and type, whether Spring MVC answers it (ApiProblems) or
 * a partner's transport does (InboundAnswers, for REST, SOAP and JMS alike); what is not a refusal is "try again".
 */
class RefusalMappingTest {

    @Test
    void theTransportsAnswerEveryRefusalAsTheApiDoes() {
        List<RuntimeException> refusals = List.of(
                new PartnerAuthenticationException("not signed"),
                new NoSuchElementException("No order ORD-1"),
                new IllegalOrderTransitionException("cannot go from SHIPPED to TRANSFERRED"),
                new SigningRefusedException("not your turn"),
                new SignatureRejectedException("does not verify"),
                new InvalidMessageException("responseCode is missing"),
                new InvalidFieldException("quantity", "must be at least 1"),
                new IllegalArgumentException("The cart is empty"));
        for (RuntimeException refusal : refusals) {
            ProblemDetail api = Problems.of(refusal).orElseThrow();
            ProblemDetail transport = InboundAnswers.problemOf(refusal);
            assertThat(transport.getStatus()).as("%s", refusal).isEqualTo(api.getStatus());
            assertThat(transport.getType()).as("%s", refusal).isEqualTo(api.getType());
        }
        assertThat(InboundAnswers.problemOf(new IllegalArgumentException("x")).getStatus()).isEqualTo(400);
    }

    @Test
    void aFailureThatIsNotARefusalIsToBeTriedAgain() {
        ProblemDetail answer = InboundAnswers.problemOf(new CannotAcquireLockException("lock timeout"));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getType()).hasToString("/problems/unavailable");
        assertThat(answer.getDetail()).doesNotContain("lock").doesNotContain("Exception");
    }
}

package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.util.unit.DataSize;

/** A failure the rest of the filter chain lets out is the hub's own answer, never the container's. */
class RequestGuardTest {

    private final RequestGuard guard = new RequestGuard(DataSize.ofMegabytes(1));

    @Test
    void anUnexpectedFailureIsTheHubs500WithTheRequestIdAndNothingOfWhatFailed() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(new MockHttpServletRequest("GET", "/api/orders"), response, (request, answer) -> {
            answer.setContentType("text/csv");
            throw new IllegalStateException("org.dotchain.hub.Secret select * from person");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String id = response.getHeader("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(response.getContentAsString()).contains("/problems/internal").contains(id)
                .doesNotContain("Secret").doesNotContain("select").doesNotContain("IllegalState");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void theDatabaseAwayIs503WithRetryAfterAndWhatTheChainSetIsGone() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(new MockHttpServletRequest("GET", "/api/orders"), response, (request, answer) -> {
            ((HttpServletResponse) answer).setHeader("Cache-Control", "max-age=60");
            ((HttpServletResponse) answer).setHeader("X-Content-Type-Options", "nosniff");
            throw new JpaSystemException(new RuntimeException(new SQLException("terminating connection", "57P01")));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("X-Content-Type-Options")).as("a security header").isEqualTo("nosniff");
        assertThat(response.getHeader("X-Request-Id")).isNotBlank();
        assertThat(response.getContentAsString()).contains("/problems/unavailable").doesNotContain("terminating");
    }

    @Test
    void aFailureAfterTheAnswerBeganIsLeftToTheContainer() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> guard.doFilter(new MockHttpServletRequest("GET", "/api/orders"), response,
                (request, answer) -> {
                    answer.getWriter().write("[");
                    answer.flushBuffer();
                    throw new IllegalStateException("broken halfway");
                })).hasMessage("broken halfway");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aPageGetsTheProblemPage() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/orders");
        page.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(page, response, (request, answer) -> {
            throw new IllegalStateException("broken");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getErrorMessage()).isNull();
        assertThat(response.getContentAsString()).isEmpty();
    }
}

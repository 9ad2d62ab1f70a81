package org.dotchain.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dotchain.hub.access.TotpCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The REST API as a logged-in person calls it. Demo accounts log in once, with the demo password and a TOTP code
 * computed from the demo secret, and keep their token: a code is accepted only once.
 */
@Component
public class ApiClient {

    private final TestRestTemplate http;
    private final TotpCodes totp;
    private final Clock clock;
    private final String password;
    private final String secret;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    ApiClient(TestRestTemplate http, TotpCodes totp, Clock clock, @Value("${hub.demo.password:}") String password,
              @Value("${hub.demo.totp-secret:}") String secret) {
        this.http = http;
        this.totp = totp;
        this.clock = clock;
        this.password = password;
        this.secret = secret;
    }

    /** The person's token, logged in again once a test has moved the clock past its expiry. */
    public As as(String username) {
        Token token = tokens.compute(username, (name, known) ->
                known != null && known.expiresAt().isAfter(clock.instant().plusSeconds(60)) ? known : login(name));
        return new As(token.value());
    }

    public As withToken(String token) {
        return new As(token);
    }

    public TestRestTemplate anonymous() {
        return http;
    }

    private Token login(String username) {
        if (clock instanceof TestClock testClock) {
            // a code of a time step no login has used yet, as a person would wait for one
            testClock.advance(Duration.ofSeconds(30));
        }
        ResponseEntity<JsonNode> response = http.postForEntity("/api/auth/tokens", Map.of("username", username,
                "password", password, "totpCode", totp.codeAt(secret, clock.instant())), JsonNode.class);
        if (response.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("Login of " + username + " failed: " + response.getBody());
        }
        return new Token(response.getBody().get("token").asText(),
                Instant.parse(response.getBody().get("expiresAt").asText()));
    }

    /** Requests with one person's bearer token. */
    public final class As {
        private final String token;

        private As(String token) {
            this.token = token;
        }

        public <T> ResponseEntity<T> get(String url, Class<T> type) {
            return exchange(HttpMethod.GET, url, null, type);
        }

        public ResponseEntity<JsonNode> get(String url) {
            return get(url, JsonNode.class);
        }

        public ResponseEntity<JsonNode> post(String url, Object body) {
            return exchange(HttpMethod.POST, url, body, JsonNode.class);
        }

        public ResponseEntity<JsonNode> put(String url, Object body) {
            return exchange(HttpMethod.PUT, url, body, JsonNode.class);
        }

        public ResponseEntity<JsonNode> delete(String url) {
            return exchange(HttpMethod.DELETE, url, null, JsonNode.class);
        }

        public <T> ResponseEntity<T> exchange(HttpMethod method, String url, Object body, Class<T> type) {
            return http.exchange(url, method, new HttpEntity<>(body, headers()), type);
        }

        /** The dead letter of a message id, as an operator lists it; null when there is none. */
        public JsonNode deadLetter(String messageId) {
            for (JsonNode letter : get("/api/operations/dead-letters").getBody()) {
                if (messageId.equals(letter.path("messageId").asText())) {
                    return letter;
                }
            }
            return null;
        }

        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(token);
            return headers;
        }
    }
}

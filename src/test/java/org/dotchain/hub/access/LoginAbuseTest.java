package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Login under abuse, over HTTP from addresses of its own (X-Forwarded-For, as a proxy in front of the hub gives them):
 * one answer for every failure, failures that slow down the address that made them and no one else, a rate per
 * address.
 */
@HubIntegrationTest
class LoginAbuseTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;
    @Autowired
    Onboarding onboarding;
    @Autowired
    LoginAttempts attempts;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownUserAWrongPasswordAWrongCodeAndAWaitAllGetTheSameAnswer() {
        Onboarding.Newcomer person = onboarding.designateAndActivate(onboarding.unitWithBudget("L", "1000.00"), "RECEIVER");
        String address = newAddress();
        clock.advance(Duration.ofSeconds(30));

        JsonNode unknown = refusal(login(address, "nobody.at.all", Onboarding.PASSWORD, code(person)));
        JsonNode wrongPassword = refusal(login(address, person.username(), "not the password at all", code(person)));
        JsonNode wrongCode = refusal(login(address, person.username(), Onboarding.PASSWORD, "000000"));
        for (int i = 0; i < 3; i++) {
            login(address, person.username(), "not the password at all", "000000");
        }
        JsonNode waiting = refusal(login(address, person.username(), Onboarding.PASSWORD, code(person)));

        assertThat(wrongPassword).as("a wrong password").isEqualTo(unknown);
        assertThat(wrongCode).as("a wrong code").isEqualTo(unknown);
        assertThat(waiting).as("the right login from an address that must wait").isEqualTo(unknown);
        assertThat(unknown.get("detail").asText()).startsWith("Wrong username, password or code");
    }

    @Test
    void aStrangersFailuresSlowDownTheStrangerNotTheOwner() {
        Onboarding.Newcomer person = onboarding.designateAndActivate(onboarding.unitWithBudget("L", "1000.00"), "RECEIVER");
        String stranger = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(stranger, person.username(), "guess number " + i, "123456").getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(login(stranger, person.username(), Onboarding.PASSWORD, code(person)).getStatusCode())
                .as("even the right password and code wait, from the stranger's address")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        clock.advance(Duration.ofSeconds(30));
        assertThat(login(newAddress(), person.username(), Onboarding.PASSWORD, code(person)).getStatusCode())
                .as("the owner, from their own address, logs in").isEqualTo(HttpStatus.CREATED);

        clock.advance(Duration.ofSeconds(61));
        assertThat(login(stranger, person.username(), Onboarding.PASSWORD, code(person)).getStatusCode())
                .as("a try while waiting was a failure too: the wait doubled to two minutes")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        clock.advance(Duration.ofSeconds(241));
        assertThat(login(stranger, person.username(), Onboarding.PASSWORD, code(person)).getStatusCode())
                .as("after the wait (four minutes now), the right login passes from there too")
                .isEqualTo(HttpStatus.CREATED);

        for (int i = 0; i < 12; i++) {
            login(stranger, person.username(), "guess number " + i, "123456");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(stranger, person.username(), Onboarding.PASSWORD, code(person)).getStatusCode())
                .as("however many failures, the wait is 15 minutes at most").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anAddressHasItsRateOfLoginsAndActivations() {
        String busy = newAddress();
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 1000; i++) {
            attempts.admit(busy);
        }

        ResponseEntity<JsonNode> activation = post(busy, "/api/activations",
                Map.of("activationToken", "forged", "password", Onboarding.PASSWORD));
        ResponseEntity<JsonNode> login = login(busy, "orderer.a1001", "whatever it is", "123456");

        for (ResponseEntity<JsonNode> refused : java.util.List.of(activation, login)) {
            assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
            assertThat(refused.getBody().get("type").asText()).endsWith("/too-many-attempts");
        }
        assertThat(post(newAddress(), "/api/activations", Map.of("activationToken", "forged", "password",
                Onboarding.PASSWORD)).getStatusCode()).as("another address").isEqualTo(HttpStatus.UNAUTHORIZED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(post(busy, "/api/activations", Map.of("activationToken", "forged", "password",
                Onboarding.PASSWORD)).getStatusCode()).as("the next minute").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> login(String address, String username, String password, String code) {
        return post(address, "/api/auth/tokens", Map.of("username", username, "password", password, "totpCode", code));
    }

    /** Over the JDK's client, which takes a 429 as the answer (the test template's tries again after Retry-After). */
    private ResponseEntity<JsonNode> post(String address, String path, Object body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return new ResponseEntity<>(response.body().isEmpty() ? null : json.readTree(response.body()), headers,
                    response.statusCode());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem without what differs between any two answers (the request id, the path). */
    private static JsonNode refusal(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        com.fasterxml.jackson.databind.node.ObjectNode problem = response.getBody().deepCopy();
        problem.remove(java.util.List.of("requestId", "instance"));
        return problem;
    }

    private String code(Onboarding.Newcomer person) {
        return totp.codeAt(person.totpSecret(), clock.instant());
    }

    private static String newAddress() {
        return "198.51.100." + NEXT_ADDRESS.getAndIncrement();
    }
}

package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.LockedTable;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.PageSession;
import org.dotchain.hub.access.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The database ends the hub's connection while a request waits on it, as a restart or failover of the server does:
 * the request is answered 503 with a Retry-After, whichever part of the hub was reading (the login's token or a
 * page's session, before any controller), never 500 (in a real browser: ServerTroublePagesTest).
 */
@HubIntegrationTest
class DatabaseLostUnderARequestTest {

    @Autowired
    ApiClient api;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    TotpCodes totp;
    @LocalServerPort
    int port;
    @Value("${hub.demo.password}")
    String demoPassword;
    @Value("${hub.demo.totp-secret}")
    String demoSecret;

    @Test
    void aTokenCheckWhoseConnectionIsEndedIsAnsweredUnavailable() throws Exception {
        // a client of its own: the test's RestTemplate would send the request again after the Retry-After
        HttpClient http = HttpClient.newHttpClient();
        String token = api.as("orderer.a1001").headers().getFirst(HttpHeaders.AUTHORIZATION);
        HttpRequest budget = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/budget"))
                .header(HttpHeaders.AUTHORIZATION, token)
                .timeout(Duration.ofSeconds(30)).build();

        HttpResponse<String> answer = LockedTable.connectionEndedUnder(dataSource, "api_token",
                () -> send(http, budget));

        assertThat(answer.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)).get().asString()
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValue("5");
        assertThat(json.readTree(answer.body()).path("type").asText()).endsWith("unavailable");
        assertThat(answer.body()).doesNotContain("SQL", "Exception", "api_token");
        assertThat(send(http, budget).statusCode()).as("the next request, on a new connection")
                .isEqualTo(HttpStatus.OK.value());
    }

    @Test
    void aPageWhoseSessionCheckLosesItsConnectionShowsTheUnavailablePage() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        PageSession browser = PageSession.loggedIn(URI.create("http://127.0.0.1:" + port), "orderer.a1001",
                demoPassword, totp.codeAt(demoSecret, clock.instant()));

        PageSession.Answer page = LockedTable.connectionEndedUnder(dataSource, "person",
                () -> browser.send("GET", "/showcase", Map.of()));

        assertThat(page.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(page.contentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(page.body()).contains("не має доступу до своїх даних").doesNotContain("SQL", "Exception");
        assertThat(browser.send("GET", "/showcase", Map.of()).status()).as("the next page, on a new connection")
                .isEqualTo(HttpStatus.OK.value());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The access procedure and the two-factor login, over the API, with people created through it. */
@HubIntegrationTest
class AccessProcedureTest {

    static final String PASSWORD = Onboarding.PASSWORD;

    @Autowired
    ApiClient api;
    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;

    @Autowired
    Onboarding onboarding;

    Map<String, String> designateAndActivate(String roles) {
        Onboarding.Newcomer newcomer = onboarding.designateAndActivate("A3003", roles);
        return Map.of("username", newcomer.username(), "secret", newcomer.totpSecret());
    }

    @Test
    void aDesignatedTrainedPersonActivatesWithTotpAndLogsIn() {
        Map<String, String> person = designateAndActivate("ORDERER");

        ResponseEntity<JsonNode> login = login(person.get("username"), PASSWORD, code(person.get("secret")));

        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode me = api.withToken(login.getBody().get("token").asText()).get("/api/auth/me").getBody();
        assertThat(me.get("username").asText()).isEqualTo(person.get("username"));
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("ORDERER");
    }

    @Test
    void aTotpCodeWorksOnceAndBothFactorsAreRequired() {
        Map<String, String> person = designateAndActivate("RECEIVER");
        String code = code(person.get("secret"));

        assertThat(login(person.get("username"), PASSWORD, code).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(login(person.get("username"), PASSWORD, code), HttpStatus.UNAUTHORIZED,
                "This code was used already: wait for the next one");
        clock.advance(Duration.ofSeconds(30));
        assertProblem(login(person.get("username"), "wrong password!", code(person.get("secret"))),
                HttpStatus.UNAUTHORIZED, "Wrong username, password or code");
        assertProblem(login(person.get("username"), PASSWORD, "000000"), HttpStatus.UNAUTHORIZED,
                "Wrong username, password or code");
    }

    @Test
    void withdrawingAccessStopsTheUnitsTokensAtOnce() {
        Map<String, String> person = designateAndActivate("ORDERER");
        String token = login(person.get("username"), PASSWORD, code(person.get("secret"))).getBody().get("token").asText();
        assertThat(api.withToken(token).get("/api/auth/me").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(api.as("dpa.admin").delete("/api/admin/units/A3003/access").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertProblem(api.withToken(token).get("/api/auth/me"), HttpStatus.UNAUTHORIZED, "unknown or expired");
        clock.advance(Duration.ofSeconds(30));
        assertProblem(login(person.get("username"), PASSWORD, code(person.get("secret"))), HttpStatus.UNAUTHORIZED,
                "has no access");
    }

    @Test
    void theProcedureKeepsItsOrderAndOnlyAdministratorsRunIt() {
        ApiClient.As admin = api.as("dpa.admin");
        assertProblem(admin.post("/api/admin/units/NO-SUCH/request-letters", Map.of("number", "X", "date",
                "2026-11-01")), HttpStatus.NOT_FOUND, "No unit with code NO-SUCH");
        assertProblem(admin.post("/api/admin/units/A2002/request-letters", Map.of("number", "X")),
                HttpStatus.BAD_REQUEST, "'date'");
        assertProblem(api.as("orderer.a1001").post("/api/admin/units/A1001/access", null), HttpStatus.FORBIDDEN,
                "roles do not allow");
        assertProblem(api.anonymous().postForEntity("/api/activations", Map.of("activationToken", "forged",
                "password", PASSWORD), JsonNode.class), HttpStatus.UNAUTHORIZED, "unknown, used or expired");
    }

    private ResponseEntity<JsonNode> login(String username, String password, String code) {
        return api.anonymous().postForEntity("/api/auth/tokens",
                Map.of("username", username, "password", password, "totpCode", code), JsonNode.class);
    }

    private String code(String secret) {
        return totp.codeAt(secret, clock.instant());
    }
}

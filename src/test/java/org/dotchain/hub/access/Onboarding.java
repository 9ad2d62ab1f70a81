package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.TestClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** New people of a unit, through the whole access procedure over the API, as a DPA administrator runs it. */
@Component
public class Onboarding {

    public static final String PASSWORD = "a long enough password";

    private final ApiClient api;
    private final TotpCodes totp;
    private final TestClock clock;

    Onboarding(ApiClient api, TotpCodes totp, TestClock clock) {
        this.api = api;
        this.totp = totp;
        this.clock = clock;
    }

    public record Newcomer(String username, String totpSecret) {
    }

    /** A unit the DPA registers, with its code starting by the letter given, and a budget allocated to it. */
    public String unitWithBudget(String letter, String budget) {
        ApiClient.As admin = api.as("dpa.admin");
        String code = letter + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
        assertThat(admin.post("/api/admin/units", Map.of("code", code, "name", "Military unit " + code))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(admin.post("/api/admin/units/" + code + "/budget/allocations", Map.of("amount", budget,
                "decisionNumber", "DPA-" + code, "decisionDate", "2026-11-30", "legalBasis", "Test allocation"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return code;
    }

    /** Request letter, designation letter, training, access granted, activation with TOTP: a person ready to log in. */
    public Newcomer designateAndActivate(String unitCode, String... roles) {
        ApiClient.As admin = api.as("dpa.admin");
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/admin/units/" + unitCode + "/request-letters",
                Map.of("number", "DPA/" + username, "date", "2026-11-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(admin.post("/api/admin/units/" + unitCode + "/designation-letters", Map.of("number",
                unitCode + "/" + username, "date", "2026-11-05", "persons", List.of(Map.of("username", username,
                        "fullName", "Person " + username, "roles", List.of(roles))))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(admin.post("/api/admin/persons/" + username + "/trainings",
                Map.of("course", "DOT-Chain Defence for units", "completedOn", "2026-11-10")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode granted = admin.post("/api/admin/units/" + unitCode + "/access", null).getBody();
        String activationToken = null;
        for (JsonNode activation : granted) {
            if (activation.get("username").asText().equals(username)) {
                activationToken = activation.get("activationToken").asText();
            }
        }
        assertThat(activationToken).as("activation token for %s in %s", username, granted).isNotNull();
        return activate(username, activationToken);
    }

    /** A DPA person (or an operator) made by the administrator and activated with TOTP, ready to log in. */
    public Newcomer staff(String... roles) {
        String username = "s" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> made = api.as("dpa.admin").post("/api/admin/staff",
                Map.of("username", username, "fullName", "Staff " + username, "roles", List.of(roles)));
        assertThat(made.getStatusCode()).as("%s", made.getBody()).isEqualTo(HttpStatus.CREATED);
        return activate(username, made.getBody().path("activationToken").asText());
    }

    private Newcomer activate(String username, String activationToken) {
        JsonNode enrolment = api.anonymous().postForEntity("/api/activations",
                Map.of("activationToken", activationToken, "password", PASSWORD), JsonNode.class).getBody();
        String secret = enrolment.get("totpSecret").asText();
        assertThat(enrolment.get("otpauthUri").asText())
                .startsWith("otpauth://totp/dotchain-hub%3A" + username + "?secret=" + secret);
        assertThat(api.anonymous().postForEntity("/api/activations/confirmation", Map.of("activationToken",
                activationToken, "totpCode", code(secret)), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        clock.advance(Duration.ofSeconds(30));
        return new Newcomer(username, secret);
    }

    public ResponseEntity<JsonNode> login(String username, String password, String code) {
        return api.anonymous().postForEntity("/api/auth/tokens",
                Map.of("username", username, "password", password, "totpCode", code), JsonNode.class);
    }

    /** Logs the newcomer in with password and a fresh code; answers their API client. */
    public ApiClient.As loggedIn(Newcomer newcomer) {
        ResponseEntity<JsonNode> login = login(newcomer.username(), PASSWORD, code(newcomer.totpSecret()));
        assertThat(login.getStatusCode()).as("%s", login.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.withToken(login.getBody().get("token").asText());
    }

    public String code(String secret) {
        return totp.codeAt(secret, clock.instant());
    }
}

package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.dotchain.hub.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A hub started without the demo, on an empty database, has no account at all: it prints a one-time token for its
 * first administrator, who activates with a password and a TOTP code like everyone else and then makes the other
 * accounts; the token works once.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private static final Pattern TOKEN = Pattern.compile("Activate dpa\\.admin with this one-time token, valid until "
            + "\\S+: POST /api/activations \\{\"activationToken\":\"([A-Za-z0-9_-]+)\"");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate db;

    @Test
    void theFirstAdministratorActivatesWithThePrintedTokenAndMakesTheNextAccount(CapturedOutput output) {
        assertThat(db.queryForObject("select count(*) from person where active", Integer.class))
                .as("an empty hub: nobody can log in").isZero();
        Matcher printed = TOKEN.matcher(output.getAll());
        assertThat(printed.find()).as("the start-up log prints the token").isTrue();
        String token = printed.group(1);

        ResponseEntity<JsonNode> enrolment = http.postForEntity("/api/activations",
                Map.of("activationToken", token, "password", "first-admin-password-2026"), JsonNode.class);
        assertThat(enrolment.getStatusCode()).as("%s", enrolment.getBody()).isEqualTo(HttpStatus.OK);
        String secret = enrolment.getBody().path("totpSecret").asText();
        assertThat(http.postForEntity("/api/activations/confirmation", Map.of("activationToken", token,
                "totpCode", totp.codeAt(secret, clock.instant())), JsonNode.class).getStatusCode().is2xxSuccessful())
                .as("the first code proves the enrolment").isTrue();
        assertThat(http.postForEntity("/api/activations", Map.of("activationToken", token,
                "password", "another-password-2026"), JsonNode.class).getStatusCode())
                .as("the token works once").isEqualTo(HttpStatus.UNAUTHORIZED);

        clock.advance(Duration.ofSeconds(30));
        ResponseEntity<JsonNode> login = http.postForEntity("/api/auth/tokens", Map.of("username", "dpa.admin",
                "password", "first-admin-password-2026", "totpCode", totp.codeAt(secret, clock.instant())),
                JsonNode.class);
        assertThat(login.getStatusCode()).as("%s", login.getBody()).isEqualTo(HttpStatus.CREATED);
        HttpHeaders admin = new HttpHeaders();
        admin.setBearerAuth(login.getBody().path("token").asText());
        ResponseEntity<JsonNode> operator = http.exchange("/api/admin/staff", HttpMethod.POST, new HttpEntity<>(
                Map.of("username", "first.operator", "fullName", "First Operator", "roles", List.of("OPERATOR")),
                admin), JsonNode.class);
        assertThat(operator.getStatusCode()).as("%s", operator.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(operator.getBody().path("activationToken").asText()).isNotBlank();
        assertThat(db.queryForObject("select count(*) from audit_entry where action = 'FIRST_ADMINISTRATOR_INVITED'",
                Integer.class)).isOne();
    }
}

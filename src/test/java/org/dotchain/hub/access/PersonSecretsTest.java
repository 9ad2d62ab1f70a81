package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People's secrets as a copy of the database holds them: TOTP secrets sealed under a key it does not hold, passwords
 * as BCrypt hashes of the configured cost.
 */
@HubIntegrationTest
class PersonSecretsTest {

    @Autowired
    JdbcTemplate db;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonSecretsResealing resealing;
    @Autowired
    ApiClient api;
    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;
    @Autowired
    Onboarding onboarding;
    @Value("${hub.demo.totp-secret}")
    String demoSecret;
    @Value("${hub.access.password-cost}")
    int passwordCost;

    @Test
    void noTotpSecretIsInTheDatabaseInClear() {
        Onboarding.Newcomer person = onboarding.designateAndActivate(onboarding.unitWithBudget("S", "1000.00"),
                "RECEIVER");
        List<String> stored = db.queryForList("select totp_secret from person where totp_secret is not null",
                String.class);

        assertThat(stored).isNotEmpty().allSatisfy(secret -> assertThat(secret).startsWith("v1.")
                .doesNotContain(demoSecret).doesNotContain(person.totpSecret()).hasSizeGreaterThan(80));
        assertThat(db.queryForObject("select count(*) from person where totp_secret = ?", Integer.class, demoSecret))
                .isZero();
    }

    @Test
    void aSecretKeptInClearBeforeIsSealedAtStartAndStillLogsIn() throws Exception {
        Onboarding.Newcomer person = onboarding.designateAndActivate(onboarding.unitWithBudget("S", "1000.00"), "ORDERER");
        db.update("update person set totp_secret = ? where username = ?", person.totpSecret(), person.username());

        try (Connection connection = dataSource.getConnection()) {
            assertThat(resealing.reseal(connection)).isEqualTo(1);
        }

        assertThat(db.queryForObject("select totp_secret from person where username = ?", String.class,
                person.username())).startsWith("v1.").doesNotContain(person.totpSecret());
        clock.advance(Duration.ofSeconds(30));
        assertThat(api.anonymous().postForEntity("/api/auth/tokens", Map.of("username", person.username(),
                "password", Onboarding.PASSWORD, "totpCode", totp.codeAt(person.totpSecret(), clock.instant())),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPasswordIsStoredAsABCryptHashOfTheConfiguredCost() {
        Onboarding.Newcomer person = onboarding.designateAndActivate(onboarding.unitWithBudget("S", "1000.00"),
                "ORDERER");

        assertThat(db.queryForObject("select password_hash from person where username = ?", String.class,
                person.username())).startsWith("{bcrypt}$2a$%02d$".formatted(passwordCost))
                .doesNotContain(Onboarding.PASSWORD);
    }
}

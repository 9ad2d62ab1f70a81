package org.dotchain.hub.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param tokenLifetime      how long a login's bearer token lasts
 * @param activationLifetime how long a one-time activation token lasts
 * @param firstAdministrator the username of the administrator a hub without one invites at start
 * @param metricsToken       the bearer token a metrics scraper (Prometheus) reads /actuator/prometheus with, and
 *                           nothing else; unset: only a logged-in operator reads it
 * @param personSecrets      the key people's TOTP secrets are stored under
 * @param loginAttempts      how many logins and activations one network address may try, and when a username's
 *                           failures from one address slow it down
 * @param passwordCost       BCrypt's cost (log2 of its rounds) for the passwords people set; a hash keeps the cost
 *                           it was made with, so raising it takes effect as people set their passwords again
 */
@Validated
@ConfigurationProperties("hub.access")
public record AccessProperties(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT8H") Duration tokenLifetime,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("P7D") Duration activationLifetime,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9.-]{2,63}") @DefaultValue("dpa.admin") String firstAdministrator,
        @Size(min = 32, max = 200) String metricsToken,
        @Valid @DefaultValue PersonSecrets personSecrets,
        @Valid @DefaultValue LoginAttempts loginAttempts,
        @DefaultValue("10") @Min(4) @Max(31) int passwordCost) {

    /**
     * @param key                the current key, 32 bytes in Base64 (HUB_ACCESS_PERSONSECRETS_KEY, from a secrets
     *                           store; never the database or the repository)
     * @param previousKeys       keys secrets may still be stored under; the hub re-seals those under the current key
     *                           at start, after which they can be removed
     * @param generateMissingKey where no key is set, make one once in ${hub.data-dir}/keys (demo and tests only)
     */
    public record PersonSecrets(String key, @DefaultValue List<String> previousKeys,
                                @DefaultValue("false") boolean generateMissingKey) {
    }

    /**
     * @param perMinute        logins and activations one network address may try in a minute, whatever the username
     *                         (429 beyond)
     * @param freeFailures     failed logins of one username from one address before each further one waits
     * @param longestWait      the longest such wait; it doubles from a minute up to this
     */
    public record LoginAttempts(@DefaultValue("30") @Min(1) int perMinute,
                                @DefaultValue("5") @Min(1) int freeFailures,
                                @NotNull @DurationMin(minutes = 1) @DefaultValue("PT15M") Duration longestWait) {
    }
}

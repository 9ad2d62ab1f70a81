package org.dotchain.hub.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
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
 */
@Validated
@ConfigurationProperties("hub.access")
public record AccessProperties(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT8H") Duration tokenLifetime,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("P7D") Duration activationLifetime,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9.-]{2,63}") @DefaultValue("dpa.admin") String firstAdministrator,
        @Size(min = 32, max = 200) String metricsToken) {
}

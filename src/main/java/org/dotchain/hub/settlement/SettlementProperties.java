package org.dotchain.hub.settlement;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param certificatePeriod how long a supplier has to put a signed expenditure invoice on an acceptance certificate */
@Validated
@ConfigurationProperties("hub.settlement")
public record SettlementProperties(@NotNull @DurationMin(hours = 1) @DefaultValue("P10D") Duration certificatePeriod) {
}

package org.dotchain.hub.ordering;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param preOrderAnswerDays days a supplier has to answer a pre-order before it expires */
@Validated
@ConfigurationProperties("hub.ordering")
public record OrderingProperties(@Min(1) @DefaultValue("5") int preOrderAnswerDays) {
}

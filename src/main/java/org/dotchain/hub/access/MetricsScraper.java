package org.dotchain.hub.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The metrics scraper (Prometheus): no person, and no account in the database; it holds hub.access.metrics-token and
 * may read /actuator/prometheus only.
 */
final class MetricsScraper {

    static final String ROLE = "METRICS_SCRAPER";

    private MetricsScraper() {
    }

    /** The scraper, if the token is its; compared in constant time. */
    static Optional<UserDetails> of(String configured, String presented) {
        if (configured == null || presented == null || !MessageDigest.isEqual(
                configured.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(User.withUsername("metrics-scraper").password("").roles(ROLE).build());
    }
}

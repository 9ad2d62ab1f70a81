package org.dotchain.hub.platform;

import org.postgresql.util.PSQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Turns a failed connection to the configured PostgreSQL into one message that says what was tried and what to change. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PSQLException cause) {
        String url = environment.getProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username");
        String tried = url == null || url.isBlank() ? "the embedded PostgreSQL" : url + (user == null ? "" : " as " + user);
        return new FailureAnalysis(
                "The hub could not connect to PostgreSQL at " + tried + ": " + cause.getMessage(),
                "Start that PostgreSQL server, or point the hub at another with SPRING_DATASOURCE_URL, "
                        + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (spring.datasource.*). "
                        + "Leave SPRING_DATASOURCE_URL unset to run the embedded PostgreSQL instead.",
                cause);
    }
}

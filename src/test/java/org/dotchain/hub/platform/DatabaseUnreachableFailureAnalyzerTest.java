package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class DatabaseUnreachableFailureAnalyzerTest {

    @Test
    void saysWhatWasTriedAndWhichSettingToChange() {
        String url = "jdbc:postgresql://127.0.0.1:1/dotchain";
        Throwable refused = catchThrowable(() -> DriverManager.getConnection(url, "hub", "secret"));
        DatabaseUnreachableFailureAnalyzer analyzer = new DatabaseUnreachableFailureAnalyzer(new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", "hub"));

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("Flyway failed", refused));

        assertThat(analysis.getDescription())
                .startsWith("The hub could not connect to PostgreSQL at " + url + " as hub: ")
                .contains("refused");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }
}

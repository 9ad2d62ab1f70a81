package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ExternalBrokerAloneTest {

    @Test
    void anExternalBrokerLeavesTheEmbeddedOneOff() {
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", "native"))).isEqualTo("false");
    }

    @Test
    void theEmbeddedBrokerRunsByDefault() {
        assertThat(embeddedEnabled(Map.of())).isNull();
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", "embedded"))).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", "native", ExternalBrokerAlone.EMBEDDED_ENABLED,
                "true"))).isEqualTo("true");
    }

    private static String embeddedEnabled(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new ExternalBrokerAlone().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(ExternalBrokerAlone.EMBEDDED_ENABLED);
    }
}

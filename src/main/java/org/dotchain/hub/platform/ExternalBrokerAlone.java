package org.dotchain.hub.platform;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With an external broker (spring.artemis.mode=native) the hub runs no broker of its own: Spring Boot would otherwise
 * start the embedded one beside it all the same (spring.artemis.embedded.enabled defaults to true whatever the mode),
 * with its own journal, its own acceptor for suppliers, and queue figures of an idle broker on the console.
 */
public class ExternalBrokerAlone implements EnvironmentPostProcessor {

    static final String EMBEDDED_ENABLED = "spring.artemis.embedded.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("native".equalsIgnoreCase(environment.getProperty("spring.artemis.mode", ""))
                && !environment.containsProperty(EMBEDDED_ENABLED)) {
            environment.getPropertySources().addLast(new MapPropertySource("external-broker-alone",
                    Map.of(EMBEDDED_ENABLED, "false")));
        }
    }
}

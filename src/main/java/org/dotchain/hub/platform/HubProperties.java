package org.dotchain.hub.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the hub's own runtime. Spring's own settings (spring.datasource.*, spring.artemis.*, server.port)
 * are used as they are; these cover only what Spring has no setting for.
 *
 * @param dataDir          where the embedded PostgreSQL and Artemis keep their data
 * @param embeddedPostgres the embedded PostgreSQL, used when spring.datasource.url is not set
 * @param broker           the network acceptor of the embedded Artemis broker
 * @param inbound          how a partner's JMS message that failed for a reason that may pass is tried again
 */
@ConfigurationProperties("hub")
@Validated
public record HubProperties(Path dataDir, EmbeddedPostgres embeddedPostgres, Broker broker, @Valid Inbound inbound) {

    /**
     * @param port       0 picks a free port
     * @param persistent false puts the cluster in a temporary folder that is removed on shutdown (tests)
     */
    public record EmbeddedPostgres(int port, boolean persistent) {
    }

    /** @param acceptorUrl where suppliers' systems reach the embedded broker, over CORE or AMQP */
    public record Broker(String acceptorUrl) {
    }

    /**
     * @param retries      how many times the broker gives such a message again before the hub dead-letters it
     * @param retryDelayMs how long it waits before the first time, doubling up to 30 s
     */
    public record Inbound(@DefaultValue("5") @PositiveOrZero int retries,
                          @DefaultValue("1000") @PositiveOrZero long retryDelayMs) {
    }
}

package org.dotchain.hub.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hub's own runtime. Spring's own settings (spring.datasource.*, spring.artemis.*, server.port)
 * are used as they are; these cover only what Spring has no setting for.
 *
 * @param dataDir          where the embedded PostgreSQL and Artemis keep their data
 * @param embeddedPostgres the embedded PostgreSQL, used when spring.datasource.url is not set
 * @param broker           the network acceptor of the embedded Artemis broker
 */
@ConfigurationProperties("hub")
public record HubProperties(Path dataDir, EmbeddedPostgres embeddedPostgres, Broker broker) {

    /**
     * @param port       0 picks a free port
     * @param persistent false puts the cluster in a temporary folder that is removed on shutdown (tests)
     */
    public record EmbeddedPostgres(int port, boolean persistent) {
    }

    /** @param acceptorUrl where suppliers' systems reach the embedded broker, over CORE or AMQP */
    public record Broker(String acceptorUrl) {
    }
}

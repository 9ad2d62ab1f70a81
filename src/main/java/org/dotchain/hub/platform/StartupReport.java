package org.dotchain.hub.platform;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line at start-up that tells an operator where the hub listens and what it is connected to. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final DataSource dataSource;
    private final ArtemisProperties artemis;
    private final HubProperties hub;

    StartupReport(Environment environment, DataSource dataSource, ArtemisProperties artemis, HubProperties hub) {
        this.environment = environment;
        this.dataSource = dataSource;
        this.artemis = artemis;
        this.hub = hub;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        log.info("dotchain-hub is up after {} s: HTTP http://localhost:{} (health /actuator/health, API /swagger-ui.html)"
                        + " | broker: {} | database: {}",
                String.format("%.1f", uptime), port, broker(), database());
    }

    /** The acceptor's options may hold a key store's password: never in the log. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private String broker() {
        if (artemis.getMode() == null || artemis.getMode().name().equals("EMBEDDED")) {
            return "embedded Artemis, acceptor " + withoutSecrets(hub.broker().acceptorUrl());
        }
        return "Artemis at " + artemis.getBrokerUrl();
    }

    private String database() {
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL() + (embedded ? " (embedded PostgreSQL)" : "");
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}

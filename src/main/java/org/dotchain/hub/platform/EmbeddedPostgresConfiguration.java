package org.dotchain.hub.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs real PostgreSQL binaries inside the hub's process tree when no database URL is configured, so that the hub and
 * its tests need nothing installed but a JDK and Maven.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    /** Long enough for crash recovery of a large cluster; a clean start takes a second or two. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HubProperties hub) throws IOException {
        // stopped by Spring after everything that uses it (Camel's routes finish their polls first), not by a JVM
        // shutdown hook of its own that would race them
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(hub.embeddedPostgres().port())
                .setPGStartupWait(STARTUP_WAIT).setRegisterShutdownHook(false);
        if (hub.embeddedPostgres().persistent()) {
            Path dataDirectory = hub.dataDir().resolve("postgres").toAbsolutePath();
            Files.createDirectories(dataDirectory);
            LeftoverPostgres.stopIfRunning(dataDirectory, STARTUP_WAIT);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}

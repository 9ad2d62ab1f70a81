package org.dotchain.hub.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
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
    private static final String APPLICATION_ROLE = "hub";
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

    /**
     * The hub's own connections: a login role that owns nothing, a member of the hub_writer role that the migrations
     * grant rows to (the audit chain only to read and append).
     */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        try (Connection owner = postgres.getPostgresDatabase().getConnection();
             Statement statement = owner.createStatement()) {
            statement.execute("""
                    do $$
                    begin
                        if not exists (select from pg_roles where rolname = 'hub_writer') then
                            create role hub_writer nologin;
                        end if;
                        if not exists (select from pg_roles where rolname = '%1$s') then
                            create role %1$s login in role hub_writer;
                        end if;
                    end
                    $$""".formatted(APPLICATION_ROLE));
        }
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl(APPLICATION_ROLE, "postgres"))
                .username(APPLICATION_ROLE)
                .build();
    }

    /** The migrations run as the tables' owner, on a connection of their own rather than a pool kept open. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsTheOwner(EmbeddedPostgres postgres) {
        return flyway -> flyway.dataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }
}

package org.dotchain.hub.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.dotchain.hub.platform.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Verifies the hub's audit chain against the sealed checkpoints in its checkpoint folder, and keeps the outcome. */
@Service
public class AuditChainVerification {

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerification.class);

    private final DataSource dataSource;
    private final AuditTrail trail;
    private final Path checkpointFolder;
    private final AuditSeal seal;
    private volatile AuditVerification last;

    AuditChainVerification(DataSource dataSource, AuditTrail trail, AuditProperties settings, HubProperties hub,
                           AuditSeal seal, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.trail = trail;
        this.checkpointFolder = settings.checkpointFolder() != null ? settings.checkpointFolder()
                : hub.dataDir().resolve("audit-checkpoints");
        this.seal = seal;
        Gauge.builder("hub.audit.chain.intact", this, verification -> verification.last()
                        .map(outcome -> outcome.intact() ? 1.0 : 0.0).orElse(Double.NaN))
                .description("1 when the last verification found the audit chain intact, 0 when broken")
                .register(meters);
        Gauge.builder("hub.audit.chain.verified.timestamp", this, verification -> verification.last()
                        .map(outcome -> outcome.checkedAt().toEpochMilli() / 1000.0).orElse(Double.NaN))
                .description("When the audit chain was last verified, in seconds since the epoch").baseUnit("seconds")
                .register(meters);
    }

    /** The grant holds only if the hub's own role neither owns the chain's table nor is a superuser. */
    @EventListener(ApplicationReadyEvent.class)
    void warnIfTheHubCouldRewriteTheChain() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("""
                     select r.rolsuper or pg_has_role(current_user, c.relowner, 'USAGE')
                     from pg_roles r, pg_class c where r.rolname = current_user and c.relname = 'audit_entry'""")) {
            if (answer.next() && answer.getBoolean(1)) {
                log.warn("The hub connects to its database as the owner of its tables or a superuser, so only a"
                        + " trigger keeps the audit chain append-only: run the migrations as the owner"
                        + " (spring.flyway.user) and connect the hub as a role granted hub_writer (README, Operations)");
            }
        } catch (SQLException e) {
            log.warn("Cannot tell who may change the audit chain: {}", e.getMessage());
        }
    }

    /**
     * Walks the chain; one that cannot be walked (the database or the folder away) leaves the last outcome as it
     * was, and hub_audit_chain_verified_timestamp_seconds growing old says so.
     */
    public AuditVerification verify() {
        // read before the walk, so that an entry committed meanwhile is not taken for one removed
        long appendedHere = trail.lastCommittedHere();
        try (Connection connection = dataSource.getConnection()) {
            AuditVerification outcome = AuditChainRows.walk(connection,
                    AuditCheckpointFolder.read(checkpointFolder, seal.certificate())).reaching(appendedHere);
            if (!outcome.intact()) {
                log.error("The audit chain is broken at entry {}: {}{}", outcome.firstBrokenEntry(),
                        outcome.problem(), outcome.checkpoint() == null ? "" : " (" + outcome.checkpoint() + ")");
            }
            last = outcome;
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chain", e);
        }
    }

    /** Where the sealed checkpoints are delivered and read from. */
    public Path checkpointFolder() {
        return checkpointFolder;
    }

    public Optional<AuditVerification> last() {
        return Optional.ofNullable(last);
    }
}

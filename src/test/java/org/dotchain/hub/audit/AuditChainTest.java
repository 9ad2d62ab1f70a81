package org.dotchain.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.audit.AuditVerification.Problem;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain against someone with the hub's database credentials (refused by grant and by trigger) and against
 * the tables' owner, who can change anything: a row altered is pinpointed, a chain rewritten with consistent hashes
 * is caught by the checkpoints sealed outside the database, over the REST API and the jar's command line alike.
 */
@HubIntegrationTest
class AuditChainTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditChainVerification verification;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate db;
    @Autowired
    DataSource dataSource;
    @Autowired
    Flyway flyway;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    ApiClient api;
    @Autowired
    Environment environment;

    JdbcTemplate owner;
    TransactionTemplate ownerTx;

    @BeforeEach
    void asTheTablesOwner() {
        DataSource ownerDataSource = flyway.getConfiguration().getDataSource();
        owner = new JdbcTemplate(ownerDataSource);
        ownerTx = new TransactionTemplate(new DataSourceTransactionManager(ownerDataSource));
    }

    @Test
    void chainsEntriesAndVerifiesThemEndToEnd() {
        AuditEntry first = tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "1", "first"));
        AuditEntry second = tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "2", "second"));

        assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
        AuditVerification outcome = verification.verify();
        assertThat(outcome.intact()).isTrue();
        assertThat(outcome.entriesChecked()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.head().entry()).isGreaterThanOrEqualTo(second.getId());
    }

    @Test
    void theHubsOwnCredentialsCanNeitherChangeTheChainNorLiftItsTrigger() {
        tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "3", "kept"));

        assertThatThrownBy(() -> db.update("update audit_entry set details = 'changed'"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.update("delete from audit_entry")).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.execute("truncate audit_entry")).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete"))
                .rootCause().hasMessageContaining("must be owner");
        assertThat(db.queryForObject("select has_table_privilege('audit_entry', 'INSERT')"
                + " and has_table_privilege('audit_entry', 'SELECT')", Boolean.class)).isTrue();
    }

    @Test
    void theTriggerRefusesTheTablesOwnerToo() {
        assertThatThrownBy(() -> owner.update("update audit_entry set details = 'changed'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_entry")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("truncate audit_entry")).hasMessageContaining("append-only");
    }

    @Test
    void aRowAlteredWithPlainSqlIsPinpointed() {
        AuditEntry entry = tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "4", "original"));
        behindTheTriggersBack("update audit_entry set details = 'forged' where id = " + entry.getId());
        try {
            AuditVerification outcome = verification.verify();
            assertThat(outcome.intact()).isFalse();
            assertThat(outcome.problem()).isEqualTo(Problem.CONTENT_ALTERED);
            assertThat(outcome.firstBrokenEntry()).isEqualTo(entry.getId());
            assertThat(api.as("operator").get("/api/audit/verification").getBody().get("firstBrokenEntry").asLong())
                    .isEqualTo(entry.getId());
        } finally {
            behindTheTriggersBack("update audit_entry set details = 'original' where id = " + entry.getId());
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aChainRewrittenWithConsistentHashesIsCaughtByTheSealedCheckpoints() throws Exception {
        AuditEntry rewritten = tx.execute(status -> audit.record("tester", "BUDGET_ALLOCATED", "unit", "A1001",
                "amount=1000000.00"));
        tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "5", "after"));
        camel.sendBody("direct:audit-checkpoint", null);
        Path folder = verification.checkpointFolder();
        assertThat(folder.resolve(AuditCheckpoints.SEAL_CERTIFICATE_FILE)).exists();
        AuditCheckpoint sealed = latestCheckpoint(folder);
        assertThat(sealed.entry()).isGreaterThan(rewritten.getId());
        assertThat(folder.resolve(sealed.fileName() + AuditCheckpointFolder.SIGNATURE_SUFFIX)).exists();
        assertThat(commandLine()).startsWith("0 Audit chain intact");

        // the hub's own appends wait meanwhile: none may link to the forged chain or be lost in its restoring
        Connection appendsWait = flyway.getConfiguration().getDataSource().getConnection();
        appendsWait.createStatement().execute("select pg_advisory_lock(" + AuditTrail.CHAIN_LOCK + ")");
        List<Map<String, Object>> original = owner.queryForList(
                "select id, details, previous_hash, hash from audit_entry where id >= ? order by id", rewritten.getId());
        rewriteFrom(rewritten.getId(), "amount=9000000.00");
        try {
            try (Connection connection = dataSource.getConnection()) {
                AuditVerification withoutCheckpoints = AuditChainRows.walk(connection,
                        new AuditCheckpointFolder.Checkpoints(List.of(), List.of()));
                assertThat(withoutCheckpoints.intact()).as("the rewrite is consistent in itself").isTrue();
            }
            AuditVerification outcome = verification.verify();
            assertThat(outcome.intact()).isFalse();
            assertThat(outcome.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
            assertThat(outcome.firstBrokenEntry()).isBetween(rewritten.getId(), sealed.entry());
            assertThat(commandLine()).startsWith("1 Audit chain BROKEN at entry " + outcome.firstBrokenEntry())
                    .contains("sealed checkpoint");
            assertThat(camel.requestBody("direct:audit-checkpoint", null, List.class))
                    .as("a broken chain is sealed no more").isEmpty();
        } finally {
            behindTheTriggersBack(original.stream().map(row -> ("update audit_entry set details = '%s',"
                    + " previous_hash = '%s', hash = '%s' where id = %s").formatted(row.get("details"),
                    row.get("previous_hash"), row.get("hash"), row.get("id"))).toArray(String[]::new));
            appendsWait.close();
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aCheckpointChangedInItsFolderIsRefused() throws Exception {
        tx.execute(status -> audit.record("tester", "TEST_EVENT", "test", "6", "sealed"));
        camel.sendBody("direct:audit-checkpoint", null);
        AuditCheckpoint checkpoint = latestCheckpoint(verification.checkpointFolder());
        Path file = verification.checkpointFolder().resolve(checkpoint.fileName());
        byte[] sealed = Files.readAllBytes(file);
        Files.writeString(file, new String(sealed, StandardCharsets.UTF_8).replace(checkpoint.hash(), "0".repeat(64)));
        try {
            AuditVerification outcome = verification.verify();
            assertThat(outcome.problem()).isEqualTo(Problem.CHECKPOINT_NOT_SEALED);
            assertThat(outcome.checkpoint()).isEqualTo(checkpoint.fileName());
        } finally {
            Files.write(file, sealed);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void onlyOperatorsAndTheDpaMayVerify() {
        assertThat(api.as("operator").get("/api/audit/verification").getBody().get("intact").asBoolean()).isTrue();
        assertThat(api.as("dpa.admin").get("/api/audit/verification").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.as("orderer.a1001").get("/api/audit/verification").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String commandLine() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        }
        String password = environment.getProperty("spring.datasource.password", "");
        int exit = AuditVerifyCommand.run(new String[] {"--url=" + url, "--user=" + user, "--password=" + password,
                "--checkpoints=" + verification.checkpointFolder()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).startsWith("Checkpoints sealed by ").contains("SHA-256 ");
        return exit + " " + lines[lines.length - 1];
    }

    /** What someone with the owner's credentials can do: the trigger lifted for one transaction. */
    private void behindTheTriggersBack(String... statements) {
        ownerTx.executeWithoutResult(status -> {
            owner.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
            for (String statement : statements) {
                owner.execute(statement);
            }
            owner.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        });
    }

    /** Changes one entry and recomputes its hash and every later one's, as a careful forger would. */
    private void rewriteFrom(long entryId, String forgedDetails) {
        ownerTx.executeWithoutResult(status -> {
            owner.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
            String previous = owner.queryForObject("select hash from audit_entry where id < ? order by id desc"
                    + " limit 1", String.class, entryId);
            for (Map<String, Object> row : owner.queryForList("select * from audit_entry where id >= ? order by id",
                    entryId)) {
                long id = ((Number) row.get("id")).longValue();
                String details = id == entryId ? forgedDetails : (String) row.get("details");
                String hash = AuditLink.hashOf(previous, ((Timestamp) row.get("recorded_at")).toInstant(),
                        (String) row.get("actor"), (String) row.get("action"), (String) row.get("subject_type"),
                        (String) row.get("subject_id"), details);
                owner.update("update audit_entry set details = ?, previous_hash = ?, hash = ? where id = ?",
                        details, previous, hash, id);
                previous = hash;
            }
            owner.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        });
    }

    private static AuditCheckpoint latestCheckpoint(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            Path latest = files.filter(file -> file.getFileName().toString().matches("audit-checkpoint-.*\\.json"))
                    .max(Path::compareTo).orElseThrow();
            return AuditCheckpoint.fromJson(Files.readAllBytes(latest));
        }
    }
}

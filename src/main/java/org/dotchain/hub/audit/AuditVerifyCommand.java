package org.dotchain.hub.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * {@code java -jar dotchain-hub.jar audit-verify --url=jdbc:postgresql://… --user=… --checkpoints=folder
 * [--certificate=seal.pem]}, the password from PGPASSWORD (or --password=…): walks the audit chain in that database
 * against the sealed checkpoints in that folder, without starting the hub, and prints the SHA-256 fingerprint of the
 * seal it trusted, to compare with the one the DPA keeps. Exit code 0 when intact, 1 when broken, 2 when it cannot
 * tell.
 */
public final class AuditVerifyCommand {

    public static final String NAME = "audit-verify";
    private static final Set<String> OPTIONS = Set.of("url", "user", "password", "checkpoints", "certificate");

    private AuditVerifyCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            if (!OPTIONS.contains(name)) {
                out.println("Unknown argument " + arg);
                return usage(out);
            }
            options.put(name, arg.substring(equals + 1));
        }
        if (!options.containsKey("url") || !options.containsKey("checkpoints")) {
            return usage(out);
        }
        Path checkpoints = Path.of(options.get("checkpoints"));
        Path certificate = Path.of(options.getOrDefault("certificate",
                checkpoints.resolve(AuditCheckpoints.SEAL_CERTIFICATE_FILE).toString()));
        String password = options.getOrDefault("password", System.getenv("PGPASSWORD"));
        try (Connection connection = DriverManager.getConnection(options.get("url"), options.get("user"), password)) {
            X509Certificate seal = readCertificate(certificate);
            AuditVerification outcome = AuditChainRows.walk(connection, AuditCheckpointFolder.read(checkpoints, seal));
            out.println("Checkpoints sealed by " + seal.getSubjectX500Principal().getName() + ", SHA-256 "
                    + DigestUtils.sha256Hex(seal.getEncoded()));
            out.println(describe(outcome));
            return outcome.intact() ? 0 : 1;
        } catch (SQLException | IOException | CertificateException | RuntimeException e) {
            out.println("Cannot verify the audit chain: " + e.getMessage());
            return 2;
        }
    }

    static String describe(AuditVerification outcome) {
        if (outcome.intact()) {
            return "Audit chain intact: %d entries, %d sealed checkpoints matched."
                    .formatted(outcome.entriesChecked(), outcome.checkpointsMatched());
        }
        String where = outcome.firstBrokenEntry() == null ? "" : " at entry " + outcome.firstBrokenEntry();
        String what = switch (outcome.problem()) {
            case CONTENT_ALTERED -> "the entry's content is not what its hash covers";
            case LINK_BROKEN -> "the entry does not follow the one before it (removed, or changed with its hash)";
            case CHECKPOINT_MISMATCH -> "the sealed checkpoint " + outcome.checkpoint()
                    + " names this entry with another hash (the chain was rewritten up to here)";
            case ENTRIES_MISSING -> "the sealed checkpoint " + outcome.checkpoint()
                    + " names this entry, which the chain no longer has";
            case CHECKPOINT_NOT_SEALED -> "the checkpoint " + outcome.checkpoint()
                    + " has no valid seal (the checkpoint folder was tampered with)";
        };
        return "Audit chain BROKEN%s: %s. %d entries before it intact, %d sealed checkpoints matched."
                .formatted(where, what, outcome.entriesChecked(), outcome.checkpointsMatched());
    }

    private static X509Certificate readCertificate(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static int usage(PrintStream out) {
        out.println("Usage: PGPASSWORD=… java -jar dotchain-hub.jar " + NAME + " --url=jdbc:postgresql://host:5432/db"
                + " --user=name --checkpoints=folder [--certificate=folder/" + AuditCheckpoints.SEAL_CERTIFICATE_FILE
                + "]");
        return 2;
    }
}

package org.dotchain.hub.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals the head of the audit chain: once the chain is verified intact and has grown since the last checkpoint, its
 * last entry and hash are signed with the hub's key, for the audit-checkpoint route to deliver outside the database.
 * Someone who rewrites every row and recomputes every hash cannot make the sealed checkpoints agree.
 */
@Component
public class AuditCheckpoints {

    static final String SEAL_CERTIFICATE_FILE = "audit-seal.pem";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final AuditChainVerification verification;
    private final AuditSeal seal;
    private final Clock clock;

    AuditCheckpoints(AuditChainVerification verification, AuditSeal seal, Clock clock) {
        this.verification = verification;
        this.seal = seal;
        this.clock = clock;
    }

    /** The files to deliver, signature before checkpoint; none when the chain is broken or has not grown. */
    public synchronized List<CheckpointFile> seal() {
        AuditVerification outcome = verification.verify();
        List<CheckpointFile> files = new ArrayList<>();
        if (!Files.exists(verification.checkpointFolder().resolve(SEAL_CERTIFICATE_FILE))) {
            files.add(new CheckpointFile(SEAL_CERTIFICATE_FILE, pem()));
        }
        // sealed already, as far as the folder says: a delivery that failed is made again next time
        boolean sealed = outcome.head() != null && outcome.lastSealedEntry() != null
                && outcome.lastSealedEntry() >= outcome.head().entry();
        if (!outcome.intact() || outcome.head() == null || sealed) {
            return files;
        }
        AuditCheckpoint checkpoint = new AuditCheckpoint(outcome.head().entry(), outcome.head().hash(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        byte[] json = checkpoint.toJson();
        files.add(new CheckpointFile(checkpoint.fileName() + AuditCheckpointFolder.SIGNATURE_SUFFIX, seal.sign(json)));
        files.add(new CheckpointFile(checkpoint.fileName(), json));
        log.info("Audit chain intact over {} entries; sealed its head, entry {}", outcome.entriesChecked(),
                checkpoint.entry());
        return files;
    }

    /** The folder to deliver to, as the route's file endpoint takes it (a Path would be read as the file's content). */
    public String folder() {
        return verification.checkpointFolder().toString();
    }

    private byte[] pem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(seal.certificate().getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot write the seal's certificate", e);
        }
    }

    public record CheckpointFile(String name, byte[] content) {
    }
}

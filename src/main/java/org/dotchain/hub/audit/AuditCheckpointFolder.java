package org.dotchain.hub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of sealed checkpoints: each {@code audit-checkpoint-*.json} beside its detached signature
 * {@code *.json.p7s}. A checkpoint whose signature is missing or not the seal's is refused, never trusted.
 */
final class AuditCheckpointFolder {

    static final String SIGNATURE_SUFFIX = ".p7s";

    private AuditCheckpointFolder() {
    }

    static Checkpoints read(Path folder, X509Certificate seal) {
        List<AuditCheckpoint> sealed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Checkpoints(sealed, refused);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(AuditCheckpointFolder::isCheckpoint).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                Path signature = file.resolveSibling(file.getFileName() + SIGNATURE_SUFFIX);
                if (Files.isRegularFile(signature)
                        && AuditSeal.isSealedBy(content, Files.readAllBytes(signature), seal)) {
                    sealed.add(AuditCheckpoint.fromJson(content));
                } else {
                    refused.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + folder, e);
        }
        return new Checkpoints(sealed, refused);
    }

    private static boolean isCheckpoint(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("audit-checkpoint-") && name.endsWith(".json");
    }

    /** The checkpoints whose seal holds, and the names of those whose seal does not. */
    record Checkpoints(List<AuditCheckpoint> sealed, List<String> refused) {
    }
}

package org.dotchain.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Secrets the demo and the tests generate once into the data folder: random bytes, Base64, readable by the owner. */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    public static Optional<byte[]> read(Path file) {
        try {
            return Files.exists(file)
                    ? Optional.of(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A new secret of {@code length} random bytes, written to {@code file}; {@code name} says what it is in the log. */
    public static byte[] generate(Path file, int length, String name) {
        byte[] secret = new byte[length];
        RANDOM.nextBytes(secret);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("{} keeps the file system's default permissions", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        log.info("Generated {} in {}", name, file);
        return secret;
    }
}

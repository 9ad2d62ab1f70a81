package org.dotchain.hub.audit;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The chain's head at a moment: its last entry and that entry's hash, sealed and kept outside the database. */
public record AuditCheckpoint(long entry, String hash, Instant sealedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** Names sort in the order the checkpoints were sealed. */
    String fileName() {
        return "audit-checkpoint-%012d-%d.json".formatted(entry, sealedAt.toEpochMilli());
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuditCheckpoint fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, AuditCheckpoint.class);
    }
}

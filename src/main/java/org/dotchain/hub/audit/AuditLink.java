package org.dotchain.hub.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.digest.DigestUtils;

/** One link of the audit chain as stored, read back for verification. */
public record AuditLink(long id, Instant recordedAt, String actor, String action, String subjectType,
                        String subjectId, String details, String previousHash, String hash) {

    static final String GENESIS_HASH = "0".repeat(64);

    /** The hash of a link's content and of the link before it; what the chain's integrity rests on. */
    static String hashOf(String previousHash, Instant recordedAt, String actor, String action, String subjectType,
                         String subjectId, String details) {
        String content = String.join("\u001f", previousHash, recordedAt.toString(), actor, action, subjectType,
                subjectId, details);
        return DigestUtils.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A stored link with a field missing has been tampered with: the schema allows none. */
    boolean complete() {
        return recordedAt != null && actor != null && action != null && subjectType != null && subjectId != null
                && details != null && previousHash != null && hash != null;
    }

    boolean contentMatchesHash() {
        return hashOf(previousHash, recordedAt, actor, action, subjectType, subjectId, details).equals(hash);
    }
}

package org.dotchain.hub.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dotchain.hub.audit.AuditVerification.Problem;

/**
 * Walks the chain link by link, from the first entry on, checking each link's hash, its link to the one before and,
 * where a sealed checkpoint names the entry, the hash the checkpoint sealed.
 */
final class AuditChainWalk {

    private final Map<Long, AuditCheckpoint> checkpoints = new HashMap<>();
    private final Map<Long, String> checkpointFiles = new HashMap<>();
    private final List<String> refused;
    private String expectedPrevious = AuditLink.GENESIS_HASH;
    private long checked;
    private int matched;
    private AuditVerification broken;
    private AuditVerification.Head head;
    private Long lastSealed;

    AuditChainWalk(AuditCheckpointFolder.Checkpoints given) {
        for (AuditCheckpoint checkpoint : given.sealed()) {
            AuditCheckpoint earlier = checkpoints.putIfAbsent(checkpoint.entry(), checkpoint);
            if (earlier == null) {
                checkpointFiles.put(checkpoint.entry(), checkpoint.fileName());
            }
        }
        this.refused = given.refused();
    }

    /** Takes the next link; false once a problem is found, when the rest need not be read. */
    boolean accept(AuditLink link) {
        if (!link.complete() || !link.contentMatchesHash()) {
            return fail(link.id(), Problem.CONTENT_ALTERED, null);
        }
        if (!link.previousHash().equals(expectedPrevious)) {
            return fail(link.id(), Problem.LINK_BROKEN, null);
        }
        AuditCheckpoint checkpoint = checkpoints.remove(link.id());
        if (checkpoint != null) {
            if (!checkpoint.hash().equals(link.hash())) {
                return fail(link.id(), Problem.CHECKPOINT_MISMATCH, checkpointFiles.get(link.id()));
            }
            matched++;
            lastSealed = link.id();
        }
        expectedPrevious = link.hash();
        head = new AuditVerification.Head(link.id(), link.hash());
        checked++;
        return true;
    }

    AuditVerification result() {
        if (broken != null) {
            return broken;
        }
        Optional<AuditCheckpoint> beyond = checkpoints.values().stream()
                .min((a, b) -> Long.compare(a.entry(), b.entry()));
        if (beyond.isPresent()) {
            long entry = beyond.get().entry();
            return new AuditVerification(false, checked, matched, entry, Problem.ENTRIES_MISSING,
                    checkpointFiles.get(entry), head, lastSealed, Instant.now());
        }
        if (!refused.isEmpty()) {
            return new AuditVerification(false, checked, matched, null, Problem.CHECKPOINT_NOT_SEALED,
                    refused.get(0), head, lastSealed, Instant.now());
        }
        return new AuditVerification(true, checked, matched, null, null, null, head, lastSealed, Instant.now());
    }

    private boolean fail(long entry, Problem problem, String checkpoint) {
        broken = new AuditVerification(false, checked, matched, entry, problem, checkpoint, head, lastSealed,
                Instant.now());
        return false;
    }
}

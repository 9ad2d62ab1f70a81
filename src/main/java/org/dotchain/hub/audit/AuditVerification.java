package org.dotchain.hub.audit;

import java.time.Instant;

/**
 * The outcome of walking the audit chain against the sealed checkpoints.
 *
 * @param entriesChecked     the entries found intact before the first problem (all of them when intact)
 * @param checkpointsMatched the sealed checkpoints whose entry and hash the chain still has
 * @param firstBrokenEntry   the first entry that does not match, or the entry a checkpoint names but the chain lacks
 * @param problem            what does not match; null when intact
 * @param checkpoint         the checkpoint file the problem concerns, if it concerns one
 * @param head               the last entry found intact and its hash: what a new checkpoint may seal
 * @param lastSealedEntry    the latest entry a sealed checkpoint names and the chain still matches
 */
public record AuditVerification(boolean intact, long entriesChecked, int checkpointsMatched, Long firstBrokenEntry,
                                Problem problem, String checkpoint, Head head, Long lastSealedEntry,
                                Instant checkedAt) {

    public record Head(long entry, String hash) {
    }

    /** This outcome, unless the chain ends before the given entry, which was appended and committed. */
    AuditVerification reaching(long appended) {
        long last = head == null ? 0 : head.entry();
        return !intact || appended <= last ? this : new AuditVerification(false, entriesChecked, checkpointsMatched,
                appended, Problem.ENTRIES_MISSING, null, head, lastSealedEntry, checkedAt);
    }

    public enum Problem {
        /** The entry's content is not what its hash covers: the row was changed. */
        CONTENT_ALTERED,
        /** The entry does not name the hash of the entry before it: an entry was removed or changed with its hash. */
        LINK_BROKEN,
        /** A sealed checkpoint names this entry with another hash: the chain was rewritten up to here. */
        CHECKPOINT_MISMATCH,
        /**
         * A sealed checkpoint names an entry that the chain no longer has, or the chain ends before an entry this hub
         * appended: entries were removed.
         */
        ENTRIES_MISSING,
        /** A checkpoint file without a valid seal: the checkpoint folder itself was tampered with. */
        CHECKPOINT_NOT_SEALED
    }
}

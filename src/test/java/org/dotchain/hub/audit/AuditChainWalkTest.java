package org.dotchain.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.audit.AuditCheckpointFolder.Checkpoints;
import org.dotchain.hub.audit.AuditVerification.Problem;
import org.junit.jupiter.api.Test;

/** Each way a chain can fail to match, on links made here rather than in a database. */
class AuditChainWalkTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00.123456Z");

    @Test
    void anIntactChainMatchesEveryCheckpointOnIt() {
        List<AuditLink> chain = chain(5);
        AuditVerification outcome = walk(chain, checkpointsAt(chain, 2, 5));
        assertThat(outcome.intact()).isTrue();
        assertThat(outcome.entriesChecked()).isEqualTo(5);
        assertThat(outcome.checkpointsMatched()).isEqualTo(2);
        assertThat(outcome.head()).isEqualTo(new AuditVerification.Head(5, chain.get(4).hash()));
    }

    @Test
    void anEntryRemovedFromTheMiddleBreaksTheNextOnesLink() {
        List<AuditLink> chain = new ArrayList<>(chain(5));
        chain.remove(2);
        AuditVerification outcome = walk(chain, new Checkpoints(List.of(), List.of()));
        assertThat(outcome.problem()).isEqualTo(Problem.LINK_BROKEN);
        assertThat(outcome.firstBrokenEntry()).isEqualTo(4);
        assertThat(outcome.entriesChecked()).isEqualTo(2);
    }

    @Test
    void entriesCutOffTheEndAreMissedByTheCheckpointThatNamedThem() {
        List<AuditLink> chain = chain(5);
        AuditVerification outcome = walk(chain.subList(0, 3), checkpointsAt(chain, 2, 4));
        assertThat(outcome.problem()).isEqualTo(Problem.ENTRIES_MISSING);
        assertThat(outcome.firstBrokenEntry()).isEqualTo(4);
        assertThat(outcome.checkpointsMatched()).isEqualTo(1);
    }

    @Test
    void entriesCutOffTheEndAfterTheLastCheckpointAreMissedByTheHubThatAppendedThem() {
        AuditVerification outcome = walk(chain(5).subList(0, 3), checkpointsAt(chain(5), 2)).reaching(5);
        assertThat(outcome.problem()).isEqualTo(Problem.ENTRIES_MISSING);
        assertThat(outcome.firstBrokenEntry()).isEqualTo(5);
        assertThat(walk(chain(5), checkpointsAt(chain(5), 2)).reaching(5).intact()).isTrue();
    }

    @Test
    void aLinkWithAFieldEmptiedIsAlteredContent() {
        List<AuditLink> chain = new ArrayList<>(chain(3));
        AuditLink second = chain.get(1);
        chain.set(1, new AuditLink(2, null, second.actor(), second.action(), second.subjectType(), second.subjectId(),
                second.details(), second.previousHash(), second.hash()));
        AuditVerification outcome = walk(chain, new Checkpoints(List.of(), List.of()));
        assertThat(outcome.problem()).isEqualTo(Problem.CONTENT_ALTERED);
        assertThat(outcome.firstBrokenEntry()).isEqualTo(2);
    }

    @Test
    void aCheckpointWithoutAValidSealIsReportedEvenWhenTheChainHolds() {
        AuditVerification outcome = walk(chain(3), new Checkpoints(List.of(), List.of("audit-checkpoint-x.json")));
        assertThat(outcome.problem()).isEqualTo(Problem.CHECKPOINT_NOT_SEALED);
        assertThat(outcome.checkpoint()).isEqualTo("audit-checkpoint-x.json");
    }

    private static AuditVerification walk(List<AuditLink> links, Checkpoints checkpoints) {
        AuditChainWalk walk = new AuditChainWalk(checkpoints);
        for (AuditLink link : links) {
            if (!walk.accept(link)) {
                break;
            }
        }
        return walk.result();
    }

    private static Checkpoints checkpointsAt(List<AuditLink> chain, long... entries) {
        List<AuditCheckpoint> sealed = new ArrayList<>();
        for (long entry : entries) {
            sealed.add(new AuditCheckpoint(entry, chain.get((int) entry - 1).hash(), AT.plusSeconds(entry)));
        }
        return new Checkpoints(sealed, List.of());
    }

    private static List<AuditLink> chain(int length) {
        List<AuditLink> links = new ArrayList<>();
        String previous = AuditLink.GENESIS_HASH;
        for (long id = 1; id <= length; id++) {
            String details = "entry " + id;
            String hash = AuditLink.hashOf(previous, AT, "tester", "TEST_EVENT", "test", "t", details);
            links.add(new AuditLink(id, AT, "tester", "TEST_EVENT", "test", "t", details, previous, hash));
            previous = hash;
        }
        return links;
    }
}

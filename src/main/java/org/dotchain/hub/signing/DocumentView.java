package org.dotchain.hub.signing;

import java.time.Instant;
import java.util.List;
import org.dotchain.hub.documents.Document;

/** A document and its signing round, as the API shows them. */
public record DocumentView(
        Long id,
        Document.Kind kind,
        String number,
        String sha256,
        Instant createdAt,
        SigningRound.Status signingStatus,
        Step turn,
        List<Step> steps) {

    /** @param signedAt when this step's signature was accepted; null while it is awaited */
    public record Step(int stepNumber, String partyRole, String signerIdentity, String signerName, String fieldName,
                       Instant signedAt) {

        static Step of(SigningStep step) {
            return new Step(step.getStepNumber(), step.getPartyRole(), step.getSignerIdentity(), step.getSignerName(),
                    step.getFieldName(), step.getSignedAt());
        }
    }

    public static DocumentView of(SigningRound round) {
        Document document = round.getDocument();
        return new DocumentView(document.getId(), document.getKind(), document.getNumber(), document.getSha256(),
                document.getCreatedAt(), round.getStatus(), round.turn().map(Step::of).orElse(null),
                round.getSteps().stream().map(Step::of).toList());
    }
}

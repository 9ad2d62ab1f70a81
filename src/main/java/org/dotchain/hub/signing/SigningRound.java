package org.dotchain.hub.signing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dotchain.hub.documents.Document;

/**
 * A document's required signers in order and whose turn it is. Signing moves the round one step on; the last step
 * completes it. Signing out of turn, twice, or after completion is refused.
 */
@Entity
public class SigningRound {

    public enum Status { IN_PROGRESS, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Eager, with the steps: a round is never used without them, also after its transaction. */
    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "document_id")
    private Document document;

    @Enumerated(EnumType.STRING)
    private Status status = Status.IN_PROGRESS;

    private int currentStep = 1;
    private Instant createdAt = Instant.now();
    private Instant completedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "round", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("stepNumber")
    private List<SigningStep> steps = new ArrayList<>();

    protected SigningRound() {
    }

    SigningRound(Document document, List<RequiredSigner> signers) {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("A signing round needs at least one signer");
        }
        this.document = document;
        for (RequiredSigner signer : signers) {
            steps.add(new SigningStep(this, steps.size() + 1, signer));
        }
    }

    /** The step whose turn it is, if the round is not complete. */
    public Optional<SigningStep> turn() {
        return status == Status.COMPLETED ? Optional.empty() : Optional.of(steps.get(currentStep - 1));
    }

    /** The step whose turn it is, which the given identity must hold. */
    SigningStep turnOf(String identity) {
        SigningStep step = turn().orElseThrow(() -> new SigningRefusedException("complete",
                "Document " + document.getNumber() + " is already signed by all its signers", document.getNumber()));
        if (!step.getSignerIdentity().equals(identity)) {
            boolean signedBefore = steps.stream().anyMatch(
                    done -> done.getSignedAt() != null && done.getSignerIdentity().equals(identity));
            throw signedBefore
                    ? new SigningRefusedException("signed-already", "'" + identity + "' has already signed document "
                            + document.getNumber(), document.getNumber())
                    : new SigningRefusedException("not-your-turn", "It is not the turn of '" + identity
                            + "' to sign document " + document.getNumber() + ": step " + step.getStepNumber()
                            + " is for '" + step.getSignerIdentity() + "'", document.getNumber());
        }
        return step;
    }

    void complete(SigningStep step, Instant at) {
        step.markSigned(at);
        if (currentStep == steps.size()) {
            status = Status.COMPLETED;
            completedAt = at;
        } else {
            currentStep++;
        }
    }

    /** The signers of the signatures the document carries, and of the one being added. */
    List<ExpectedSigner> expectedUpTo(int stepNumber) {
        return steps.subList(0, stepNumber).stream().map(SigningStep::expected).toList();
    }

    List<ExpectedSigner> expectedSoFar() {
        return expectedUpTo(status == Status.COMPLETED ? steps.size() : currentStep - 1);
    }

    public Long getId() {
        return id;
    }

    public Document getDocument() {
        return document;
    }

    public Status getStatus() {
        return status;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public List<SigningStep> getSteps() {
        return List.copyOf(steps);
    }
}

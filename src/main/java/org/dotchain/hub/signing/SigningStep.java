package org.dotchain.hub.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One required signature of a round. */
@Entity
public class SigningStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private SigningRound round;

    private int stepNumber;
    private String partyRole;
    private String signerIdentity;
    private String signerName;
    private String fieldName;
    private boolean assignable;
    private Instant signedAt;

    protected SigningStep() {
    }

    SigningStep(SigningRound round, int stepNumber, RequiredSigner signer) {
        this.round = round;
        this.stepNumber = stepNumber;
        this.partyRole = signer.partyRole();
        this.signerIdentity = signer.identity();
        this.signerName = signer.signerName();
        this.fieldName = signer.fieldName(stepNumber);
        this.assignable = signer.assignable();
    }

    void reassign(String identity, String name) {
        this.signerIdentity = identity;
        this.signerName = name;
    }

    void markSigned(Instant at) {
        signedAt = at;
    }

    ExpectedSigner expected() {
        return new ExpectedSigner(fieldName, signerIdentity);
    }

    SigningRound getRound() {
        return round;
    }

    public int getStepNumber() {
        return stepNumber;
    }

    public String getPartyRole() {
        return partyRole;
    }

    public String getSignerIdentity() {
        return signerIdentity;
    }

    public String getSignerName() {
        return signerName;
    }

    /** Whether its party may name another signer until it is signed. */
    public boolean isAssignable() {
        return assignable;
    }

    public String getFieldName() {
        return fieldName;
    }

    public Instant getSignedAt() {
        return signedAt;
    }
}

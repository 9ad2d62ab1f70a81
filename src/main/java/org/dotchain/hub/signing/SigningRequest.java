package org.dotchain.hub.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.UUID;

/** External signing in progress: the prepared revision waits here for the signer's CMS signature. */
@Entity
public class SigningRequest {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private SigningRound round;

    private int stepNumber;
    private String baseSha256;
    private byte[] preparedPdf;
    private String byteRange;
    private byte[] contentDigest;
    private byte[] signerCertificate;
    private Instant createdAt = Instant.now();
    private Instant completedAt;

    protected SigningRequest() {
    }

    SigningRequest(SigningRound round, int stepNumber, String baseSha256, PreparedSignature prepared,
                   byte[] signerCertificate) {
        this.id = UUID.randomUUID();
        this.round = round;
        this.stepNumber = stepNumber;
        this.baseSha256 = baseSha256;
        this.preparedPdf = prepared.pdf();
        this.byteRange = prepared.byteRangeText();
        this.contentDigest = prepared.contentDigest();
        this.signerCertificate = signerCertificate.clone();
    }

    PreparedSignature prepared() {
        return new PreparedSignature(preparedPdf, PreparedSignature.parseByteRange(byteRange), contentDigest);
    }

    byte[] signerCertificate() {
        return signerCertificate.clone();
    }

    void markCompleted(Instant at) {
        completedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public SigningRound getRound() {
        return round;
    }

    public int getStepNumber() {
        return stepNumber;
    }

    public String getBaseSha256() {
        return baseSha256;
    }

    public String getByteRange() {
        return byteRange;
    }

    public byte[] getContentDigest() {
        return contentDigest.clone();
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}

package org.dotchain.hub.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.Immutable;

/** One link of the audit chain. Its hash covers its own content and the hash of the link before it. */
@Entity
@Immutable
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant recordedAt;
    private String actor;
    private String action;
    private String subjectType;
    private String subjectId;
    private String details;
    private String previousHash;
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(String previousHash, String actor, String action, String subjectType, String subjectId, String details) {
        // PostgreSQL keeps microseconds; the hash must cover what is stored.
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.details = details;
        this.previousHash = previousHash;
        this.hash = AuditLink.hashOf(previousHash, recordedAt, actor, action, subjectType, subjectId, details);
    }

    public Long getId() {
        return id;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getDetails() {
        return details;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}

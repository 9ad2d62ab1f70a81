package org.dotchain.hub.operations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** Something a person must act on: a missed deadline, a stalled step. Raised once per kind and subject. */
@Entity
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String kind;
    private String subjectType;
    private String subjectId;
    private Long unitId;
    private Long supplierId;
    private String message;
    private Instant raisedAt;

    protected Alert() {
    }

    Alert(String kind, String subjectType, String subjectId, Long unitId, Long supplierId, String message,
          Instant raisedAt) {
        this.kind = kind;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.unitId = unitId;
        this.supplierId = supplierId;
        this.message = message;
        this.raisedAt = raisedAt;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public String getMessage() {
        return message;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }
}

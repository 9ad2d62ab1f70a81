package org.dotchain.hub.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A rendered PDF of the supply cycle, in its latest signed revision. */
@Entity
public class Document {

    public enum Kind { ORDER, EXPENDITURE_INVOICE, ACCEPTANCE_CERTIFICATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String number;
    private byte[] content;
    private String sha256;
    private Instant createdAt = Instant.now();

    protected Document() {
    }

    public Document(Kind kind, String number, byte[] content, String sha256) {
        this.kind = kind;
        this.number = number;
        this.content = content.clone();
        this.sha256 = sha256;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getNumber() {
        return number;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

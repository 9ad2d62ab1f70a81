package org.dotchain.hub.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.apache.commons.codec.digest.DigestUtils;

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

    @Version
    private long version;

    /** The unit and supplier whose document this is; null where a document concerns no unit or supplier. */
    private Long unitId;
    private Long supplierId;

    protected Document() {
    }

    public Document(Kind kind, String number, byte[] content, Instant createdAt, Long unitId, Long supplierId) {
        this.kind = kind;
        this.number = number;
        this.createdAt = createdAt;
        this.unitId = unitId;
        this.supplierId = supplierId;
        replaceContent(content);
    }

    public Long getUnitId() {
        return unitId;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    /** A new revision, such as one with another signature; earlier revisions stay inside it, byte for byte. */
    public void replaceContent(byte[] pdf) {
        this.content = pdf.clone();
        this.sha256 = sha256Of(pdf);
    }

    public static String sha256Of(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
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

package org.dotchain.hub.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.dotchain.hub.access.Person;
import org.dotchain.hub.documents.Document;

/** A signature embedded in a document, in the field named for the signing party and role. */
@Entity
public class Signature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private Document document;

    private String fieldName;
    private String partyRole;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "signer_id")
    private Person signer;

    private String signerName;
    private String signerIdentity;
    private byte[] signerCertificate;
    private int revision;
    private Instant signedAt;

    protected Signature() {
    }

    Signature(Document document, SigningStep step, String signerName, byte[] signerCertificate, int revision,
              Instant signedAt) {
        this.document = document;
        this.fieldName = step.getFieldName();
        this.partyRole = step.getPartyRole();
        this.signerIdentity = step.getSignerIdentity();
        this.signerName = signerName;
        this.signerCertificate = signerCertificate.clone();
        this.revision = revision;
        this.signedAt = signedAt;
    }

    public Long getId() {
        return id;
    }

    public Document getDocument() {
        return document;
    }

    public String getFieldName() {
        return fieldName;
    }

    public String getPartyRole() {
        return partyRole;
    }

    public String getSignerName() {
        return signerName;
    }

    public String getSignerIdentity() {
        return signerIdentity;
    }

    public Person getSigner() {
        return signer;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getSignedAt() {
        return signedAt;
    }
}

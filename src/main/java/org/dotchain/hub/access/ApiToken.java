package org.dotchain.hub.access;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A bearer token from the two-factor login; the token itself is given out once and only its SHA-256 kept. */
@Entity
public class ApiToken {

    @Id
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    private Instant createdAt = Instant.now();
    private Instant expiresAt;

    protected ApiToken() {
    }

    ApiToken(String tokenHash, Person person, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.person = person;
        this.expiresAt = expiresAt;
    }

    public Person getPerson() {
        return person;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}

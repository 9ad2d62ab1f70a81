package org.dotchain.hub.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.dotchain.hub.suppliers.Supplier;

/** Someone who acts in the hub: unit personnel, DPA staff, a supplier's people or an operator. */
@Entity
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String fullName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private MilitaryUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    private String passwordHash;
    @Convert(converter = SealedSecretConverter.class)
    private String totpSecret;
    private boolean active;
    private boolean totpConfirmed;
    private long totpLastStep;
    private String activationTokenHash;
    private Instant activationExpiresAt;
    private Instant accessWithdrawnAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "designation_letter_id")
    private AccessLetter designationLetter;

    private Instant createdAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Person() {
    }

    public Person(String username, String fullName, MilitaryUnit unit, Supplier supplier, Set<Role> roles) {
        this.username = username;
        this.fullName = fullName;
        this.unit = unit;
        this.supplier = supplier;
        this.roles = EnumSet.copyOf(roles);
    }

    void designatedBy(AccessLetter letter) {
        this.designationLetter = letter;
    }

    /** Access granted: a one-time token, valid until the given time, lets the person set a password and enrol TOTP. */
    void grantAccess(String tokenHash, Instant expiresAt) {
        this.activationTokenHash = tokenHash;
        this.activationExpiresAt = expiresAt;
        this.accessWithdrawnAt = null;
        if (!totpConfirmed) {
            // an enrolment left half-done before is not taken up again by the new token
            this.passwordHash = null;
            this.totpSecret = null;
        }
    }

    boolean activationValid(Instant now) {
        return activationTokenHash != null && activationExpiresAt != null && now.isBefore(activationExpiresAt);
    }

    void setCredentials(String passwordHash, String totpSecret) {
        this.passwordHash = passwordHash;
        this.totpSecret = totpSecret;
        this.totpConfirmed = false;
        this.totpLastStep = 0;
    }

    /** The first TOTP code proves the enrolment; the account is active from then on and the token is spent. */
    void confirmTotp(long step) {
        this.totpConfirmed = true;
        this.totpLastStep = step;
        this.active = true;
        this.activationTokenHash = null;
        this.activationExpiresAt = null;
    }

    void withdrawAccess(Instant at) {
        this.active = false;
        this.activationTokenHash = null;
        this.activationExpiresAt = null;
        this.accessWithdrawnAt = at;
    }

    void loginSucceeded(long totpStep) {
        totpLastStep = totpStep;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public MilitaryUnit getUnit() {
        return unit;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isTotpConfirmed() {
        return totpConfirmed;
    }

    public long getTotpLastStep() {
        return totpLastStep;
    }

    public Instant getAccessWithdrawnAt() {
        return accessWithdrawnAt;
    }

    public AccessLetter getDesignationLetter() {
        return designationLetter;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}

package org.dotchain.hub.access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A military unit known to the hub only by its code and designation: nothing about its size, staffing or location. */
@Entity
@Table(name = "military_unit")
public class MilitaryUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String designation;
    private Instant createdAt = Instant.now();
    private Instant retiredAt;

    protected MilitaryUnit() {
    }

    public MilitaryUnit(String code, String designation) {
        this.code = code;
        this.designation = designation;
    }

    void rename(String designation) {
        this.designation = designation;
    }

    void retire(Instant at) {
        this.retiredAt = at;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getDesignation() {
        return designation;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

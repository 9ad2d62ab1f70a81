package org.dotchain.hub.access;

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
import java.time.LocalDate;

/** The DPA's request letter to a unit, or the unit's designation letter naming who orders, receives and signs. */
@Entity
public class AccessLetter {

    public enum Kind { REQUEST, DESIGNATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private MilitaryUnit unit;

    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String letterNumber;
    private LocalDate letterDate;
    private Instant recordedAt = Instant.now();

    protected AccessLetter() {
    }

    public AccessLetter(MilitaryUnit unit, Kind kind, String letterNumber, LocalDate letterDate) {
        this.unit = unit;
        this.kind = kind;
        this.letterNumber = letterNumber;
        this.letterDate = letterDate;
    }

    public Long getId() {
        return id;
    }

    public MilitaryUnit getUnit() {
        return unit;
    }

    public Kind getKind() {
        return kind;
    }

    public String getLetterNumber() {
        return letterNumber;
    }

    public LocalDate getLetterDate() {
        return letterDate;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

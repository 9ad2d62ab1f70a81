package org.dotchain.hub.access;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One naming of the DPA's signatory on duty; the latest is the one on duty. */
@Entity
@Table(name = "dpa_signatory_duty")
class SignatoryDuty {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    private String namedBy;
    private Instant namedAt;

    protected SignatoryDuty() {
    }

    SignatoryDuty(Person person, String namedBy, Instant namedAt) {
        this.person = person;
        this.namedBy = namedBy;
        this.namedAt = namedAt;
    }
}

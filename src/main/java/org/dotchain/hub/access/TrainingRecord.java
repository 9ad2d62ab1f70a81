package org.dotchain.hub.access;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;

@Entity
public class TrainingRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    private String course;
    private LocalDate completedOn;
    private Instant recordedAt = Instant.now();

    protected TrainingRecord() {
    }

    public TrainingRecord(Person person, String course, LocalDate completedOn) {
        this.person = person;
        this.course = course;
        this.completedOn = completedOn;
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public String getCourse() {
        return course;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }
}

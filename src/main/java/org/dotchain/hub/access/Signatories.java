package org.dotchain.hub.access;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.platform.FieldConflictException;
import org.dotchain.hub.platform.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who signs for a unit and for the DPA. A unit's signatory is the one its designation letter named for it (the
 * latest such letter, if it named more over time); the DPA's is the signatory it names on duty, or its only one.
 */
@Service
@Transactional
public class Signatories {

    /** A signatory as a signing round names one: the identity that must sign and the name it shows. */
    public record Signatory(String username, String fullName) {
    }

    /** The DPA named its signatory on duty. */
    public record OnDuty(Signatory signatory, String namedBy) {
    }

    /** Nobody may sign for the party: the unit's letter named nobody active, or the DPA has no one. */
    public static class NoSignatoryException extends Refusal {
        NoSignatoryException(String message) {
            super(HttpStatus.CONFLICT, "no-signatory", message);
        }
    }

    private final EntityManager entityManager;
    private final PersonRepository persons;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Signatories(EntityManager entityManager, PersonRepository persons, AuditTrail audit, Clock clock,
                ApplicationEventPublisher events) {
        this.events = events;
        this.entityManager = entityManager;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active UNIT_SIGNATORY the unit's latest designation letter naming one named; refused if there is none. */
    @Transactional(readOnly = true)
    public Signatory ofUnit(MilitaryUnit unit) {
        return entityManager.createQuery("select p from Person p join p.designationLetter l where p.unit = :unit "
                        + "and :role member of p.roles and p.active = true "
                        + "order by l.letterDate desc, l.recordedAt desc, p.id", Person.class)
                .setParameter("unit", unit).setParameter("role", Role.UNIT_SIGNATORY).setMaxResults(1)
                .getResultStream().findFirst().map(Signatories::signatory)
                .orElseThrow(() -> new NoSignatoryException("Unit " + unit.getCode() + " has no active signatory "
                        + "named by a designation letter: the DPA records the unit's letter first"));
    }

    /** The DPA's signatory on duty, if one is named and still active; else its only active signatory; else none. */
    @Transactional(readOnly = true)
    public Optional<Signatory> ofDpa() {
        Optional<Person> onDuty = entityManager.createQuery("select d.person from SignatoryDuty d "
                        + "order by d.namedAt desc, d.id desc", Person.class).setMaxResults(1).getResultStream()
                .findFirst().filter(person -> person.isActive() && person.getRoles().contains(Role.DPA_SIGNATORY));
        if (onDuty.isPresent()) {
            return onDuty.map(Signatories::signatory);
        }
        List<Person> active = entityManager.createQuery("select p from Person p where :role member of p.roles "
                + "and p.active = true", Person.class).setParameter("role", Role.DPA_SIGNATORY).getResultList();
        return active.size() == 1 ? Optional.of(signatory(active.get(0))) : Optional.empty();
    }

    /** An active DPA_SIGNATORY by username, for naming on duty or for one certificate. */
    @Transactional(readOnly = true)
    public Signatory dpaSignatory(String username) {
        Person person = persons.findByUsername(username)
                .orElseThrow(() -> new NoSuchElementException("No person " + username));
        if (!person.getRoles().contains(Role.DPA_SIGNATORY) || !person.isActive()) {
            throw new FieldConflictException("not-a-signatory", "username", username
                    + " is not an active DPA signatory");
        }
        return signatory(person);
    }

    public Signatory nameOnDuty(String admin, String username) {
        Signatory signatory = dpaSignatory(username);
        Person person = persons.findByUsername(username).orElseThrow();
        entityManager.persist(new SignatoryDuty(person, admin, clock.instant()));
        audit.record(admin, "DPA_SIGNATORY_ON_DUTY", "person", username, "");
        events.publishEvent(new OnDuty(signatory, admin));
        return signatory;
    }

    private static Signatory signatory(Person person) {
        return new Signatory(person.getUsername(), person.getFullName());
    }
}

package org.dotchain.hub.access;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access procedure, as a DPA administrator runs it: the request letter to a unit, the unit's designation letter
 * naming its people and their roles, each person's training, then access granted (one-time activation tokens) or
 * withdrawn (at once: tokens and sessions end).
 */
@Service
@Transactional
public class AccessAdministration {

    static final Set<Role> UNIT_ROLES = EnumSet.of(Role.ORDERER, Role.RECEIVER, Role.UNIT_SIGNATORY);

    private final MilitaryUnitRepository units;
    private final PersonRepository persons;
    private final SupplierRepository suppliers;
    private final ApiTokenRepository tokens;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration activationLifetime;

    AccessAdministration(MilitaryUnitRepository units, PersonRepository persons, SupplierRepository suppliers,
                         ApiTokenRepository tokens, EntityManager entityManager, AuditTrail audit, Clock clock,
                         AccessProperties settings) {
        this.units = units;
        this.persons = persons;
        this.suppliers = suppliers;
        this.tokens = tokens;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
        this.activationLifetime = settings.activationLifetime();
    }

    public record DesignatedPerson(String username, String fullName, Set<Role> roles) {
    }

    public record Activation(String username, String activationToken, Instant expiresAt) {
    }

    public AccessLetter recordRequestLetter(String admin, String unitCode, String number, LocalDate date) {
        MilitaryUnit unit = unit(unitCode);
        AccessLetter letter = new AccessLetter(unit, AccessLetter.Kind.REQUEST, number, date);
        entityManager.persist(letter);
        audit.record(admin, "REQUEST_LETTER_RECORDED", "unit", unitCode, "letter=" + number + " date=" + date);
        return letter;
    }

    public List<Person> recordDesignationLetter(String admin, String unitCode, String number, LocalDate date,
                                                List<DesignatedPerson> designated) {
        MilitaryUnit unit = unit(unitCode);
        boolean requested = entityManager.createQuery("select count(l) from AccessLetter l where l.unit = :unit "
                        + "and l.kind = :kind", Long.class)
                .setParameter("unit", unit).setParameter("kind", AccessLetter.Kind.REQUEST).getSingleResult() > 0;
        if (!requested) {
            throw new AccessProcedureException("No request letter has been sent to unit " + unitCode
                    + ": record it before the unit's designation letter");
        }
        AccessLetter letter = new AccessLetter(unit, AccessLetter.Kind.DESIGNATION, number, date);
        entityManager.persist(letter);
        List<Person> named = new ArrayList<>();
        for (DesignatedPerson person : designated) {
            if (person.roles().isEmpty() || !UNIT_ROLES.containsAll(person.roles())) {
                throw new IllegalArgumentException("A unit's designation letter names ORDERER, RECEIVER or "
                        + "UNIT_SIGNATORY; " + person.username() + " has " + person.roles());
            }
            if (persons.findByUsername(person.username()).isPresent()) {
                throw new IllegalArgumentException("Username " + person.username() + " is already taken");
            }
            Person created = new Person(person.username(), person.fullName(), unit, null, person.roles());
            created.designatedBy(letter);
            named.add(persons.save(created));
        }
        audit.record(admin, "DESIGNATION_LETTER_RECORDED", "unit", unitCode, "letter=" + number + " persons="
                + designated.stream().map(DesignatedPerson::username).toList());
        return named;
    }

    public TrainingRecord recordTraining(String admin, String username, String course, LocalDate completedOn) {
        TrainingRecord record = new TrainingRecord(person(username), course, completedOn);
        entityManager.persist(record);
        audit.record(admin, "TRAINING_RECORDED", "person", username, "course=" + course + " on=" + completedOn);
        return record;
    }

    /** Every designated and trained person of the unit gets a one-time activation token. */
    public List<Activation> grantAccess(String admin, String unitCode) {
        MilitaryUnit unit = unit(unitCode);
        List<Activation> activations = new ArrayList<>();
        for (Person person : persons.findByUnitId(unit.getId())) {
            if (person.isActive() || person.getDesignationLetter() == null) {
                continue;
            }
            if (!trained(person)) {
                throw new AccessProcedureException(person.getUsername() + " has no training recorded: record it before "
                        + "granting unit " + unitCode + " access");
            }
            activations.add(issueActivation(person));
        }
        audit.record(admin, "ACCESS_GRANTED", "unit", unitCode,
                "persons=" + activations.stream().map(Activation::username).toList());
        return activations;
    }

    public void withdrawAccess(String admin, String unitCode) {
        MilitaryUnit unit = unit(unitCode);
        Instant now = clock.instant();
        for (Person person : persons.findByUnitId(unit.getId())) {
            person.withdrawAccess(now);
            tokens.deleteByPersonId(person.getId());
        }
        audit.record(admin, "ACCESS_WITHDRAWN", "unit", unitCode, "at=" + now);
    }

    /** Suppliers' people, DPA signatories, operators and administrators: created directly by an administrator. */
    public Activation createStaff(String admin, String username, String fullName, Set<Role> roles, String supplierCode) {
        if (roles.isEmpty() || roles.stream().anyMatch(UNIT_ROLES::contains)) {
            throw new IllegalArgumentException("Unit roles come with a unit's designation letter; staff roles are "
                    + "SUPPLIER, DPA_SIGNATORY, DPA_ADMIN and OPERATOR");
        }
        Supplier supplier = null;
        if (roles.contains(Role.SUPPLIER)) {
            if (supplierCode == null) {
                throw new IllegalArgumentException("A SUPPLIER person needs the supplier's code");
            }
            supplier = suppliers.findByCode(supplierCode)
                    .orElseThrow(() -> new NoSuchElementException("No supplier with code " + supplierCode));
        }
        if (persons.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("Username " + username + " is already taken");
        }
        Person person = persons.save(new Person(username, fullName, null, supplier, roles));
        audit.record(admin, "STAFF_CREATED", "person", username, "roles=" + roles);
        return issueActivation(person);
    }

    /**
     * A hub without an active administrator invites its first one: the account hub.access.first-administrator,
     * made if it is not there, gets a fresh one-time activation token (an earlier unused one stops working). Empty
     * once an administrator is active: from then on only administrators make accounts.
     */
    public Optional<Activation> inviteFirstAdministrator(String username) {
        if (persons.anyActiveWith(Role.DPA_ADMIN)) {
            return Optional.empty();
        }
        Person person = persons.findByUsername(username).orElseGet(() -> persons.save(
                new Person(username, "DPA Administrator", null, null, EnumSet.of(Role.DPA_ADMIN))));
        if (!person.getRoles().contains(Role.DPA_ADMIN)) {
            throw new IllegalStateException("hub.access.first-administrator names " + username
                    + ", an account that is not an administrator's: name another");
        }
        Activation activation = issueActivation(person);
        audit.record("hub", "FIRST_ADMINISTRATOR_INVITED", "person", username, "expiresAt=" + activation.expiresAt());
        return Optional.of(activation);
    }

    private Activation issueActivation(Person person) {
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(activationLifetime);
        person.grantAccess(Secrets.hash(token), expiresAt);
        return new Activation(person.getUsername(), token, expiresAt);
    }

    private boolean trained(Person person) {
        return entityManager.createQuery("select count(t) from TrainingRecord t where t.person = :person", Long.class)
                .setParameter("person", person).getSingleResult() > 0;
    }

    /** A unit of the access procedure; a retired one has none. */
    private MilitaryUnit unit(String code) {
        MilitaryUnit unit = units.findByCode(code)
                .orElseThrow(() -> new NoSuchElementException("No unit with code " + code));
        if (unit.isRetired()) {
            throw new AccessProcedureException("Unit " + code + " is retired: its access procedure is over");
        }
        return unit;
    }

    private Person person(String username) {
        return persons.findByUsername(username)
                .orElseThrow(() -> new NoSuchElementException("No person " + username));
    }
}

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
import java.util.regex.Pattern;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.platform.FieldConflictException;
import org.dotchain.hub.platform.InvalidFieldException;
import org.dotchain.hub.platform.Texts;
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

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

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
        AccessLetter letter = letter(unit, AccessLetter.Kind.REQUEST, number, date);
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
            throw new AccessProcedureException("no-request-letter", "No request letter has been sent to unit "
                    + unitCode + ": record it before the unit's designation letter", unitCode);
        }
        AccessLetter letter = letter(unit, AccessLetter.Kind.DESIGNATION, number, date);
        if (designated.isEmpty()) {
            throw new InvalidFieldException("persons", "A designation letter names at least one person");
        }
        List<Person> named = new ArrayList<>();
        entityManager.persist(letter);
        for (DesignatedPerson person : designated) {
            if (person.roles().isEmpty() || !UNIT_ROLES.containsAll(person.roles())) {
                throw new InvalidFieldException("roles", "A unit's designation letter names ORDERER, RECEIVER or "
                        + "UNIT_SIGNATORY; " + person.username() + " has " + person.roles());
            }
            Person created = new Person(username(person.username()), Texts.required("fullName", person.fullName(),
                    200, "A person's full name is 1 to 200 characters"), unit, null, person.roles());
            created.designatedBy(letter);
            named.add(persons.save(created));
        }
        audit.record(admin, "DESIGNATION_LETTER_RECORDED", "unit", unitCode, "letter=" + number + " persons="
                + designated.stream().map(DesignatedPerson::username).toList());
        return named;
    }

    public TrainingRecord recordTraining(String admin, String username, String course, LocalDate completedOn) {
        if (completedOn == null || completedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("completedOn", "A training's completion is a day not after today");
        }
        TrainingRecord record = new TrainingRecord(person(username), Texts.required("course", course, 200,
                "A course's name is 1 to 200 characters"), completedOn);
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
                throw new AccessProcedureException("not-trained", person.getUsername() + " has no training recorded: "
                        + "record it before granting unit " + unitCode + " access", person.getFullName());
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

    /** A person of the DPA or of a supplier; supplierCode is null for the DPA's. */
    public record StaffView(String username, String fullName, Set<Role> roles, String supplierCode, boolean active) {
    }

    /** Everyone of no unit: the DPA's administrators, signatories and operators, and the suppliers' people. */
    @Transactional(readOnly = true)
    public List<StaffView> staff() {
        return persons.findByUnitIsNullOrderByUsername().stream().map(person -> new StaffView(person.getUsername(),
                person.getFullName(), person.getRoles(), person.getSupplier() == null ? null
                : person.getSupplier().getCode(), person.isActive())).toList();
    }

    /** Suppliers' people, DPA signatories, operators and administrators: created directly by an administrator. */
    public Activation createStaff(String admin, String username, String fullName, Set<Role> roles, String supplierCode) {
        if (roles.isEmpty() || roles.stream().anyMatch(UNIT_ROLES::contains)) {
            throw new InvalidFieldException("roles", "Unit roles come with a unit's designation letter; staff roles "
                    + "are SUPPLIER, DPA_SIGNATORY, DPA_ADMIN and OPERATOR");
        }
        Supplier supplier = null;
        if (roles.contains(Role.SUPPLIER)) {
            if (roles.size() > 1) {
                throw new InvalidFieldException("roles", "A supplier's person has the SUPPLIER role only: nobody "
                        + "of a supplier acts for the DPA");
            }
            supplier = suppliers.findByCode(supplierCode == null ? "" : supplierCode).orElseThrow(() ->
                    new InvalidFieldException("supplierCode", "A SUPPLIER person needs the code of a supplier "
                            + "connected to the hub"));
        }
        Person person = persons.save(new Person(username(username), Texts.required("fullName", fullName, 200,
                "A person's full name is 1 to 200 characters"), null, supplier, roles));
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

    /** A letter of the unit's procedure, its number not recorded for the unit before. */
    private AccessLetter letter(MilitaryUnit unit, AccessLetter.Kind kind, String number, LocalDate date) {
        String checked = Texts.required("number", number, 40, "A letter's number is 1 to 40 characters");
        if (date == null || date.isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("date", "A letter's date is a day not after today");
        }
        boolean recorded = entityManager.createQuery("select count(l) from AccessLetter l where l.unit = :unit "
                        + "and l.kind = :kind and l.letterNumber = :number", Long.class)
                .setParameter("unit", unit).setParameter("kind", kind).setParameter("number", checked)
                .getSingleResult() > 0;
        if (recorded) {
            throw new FieldConflictException("letter-recorded", "number", "Letter " + checked + " is recorded for "
                    + "unit " + unit.getCode() + " already");
        }
        return new AccessLetter(unit, kind, checked, date);
    }

    /** A username not taken: the person logs in with it, types it, and reads it in the audit trail. */
    private String username(String username) {
        String checked = Texts.required("username", username, 64, "A username is 1 to 64 characters");
        if (!USERNAME.matcher(checked).matches()) {
            throw new InvalidFieldException("username", "A username is letters, digits, '.', '_' and '-', "
                    + "starting with a letter or a digit");
        }
        if (persons.findByUsername(checked).isPresent()) {
            throw new FieldConflictException("username-taken", "username", "Username " + checked
                    + " is already taken", checked);
        }
        return checked;
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
            throw new AccessProcedureException("retired", "Unit " + code + " is retired: its access procedure is over",
                    code);
        }
        return unit;
    }

    private Person person(String username) {
        return persons.findByUsername(username)
                .orElseThrow(() -> new NoSuchElementException("No person " + username));
    }
}

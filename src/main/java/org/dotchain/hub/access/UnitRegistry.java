package org.dotchain.hub.access;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.platform.FieldConflictException;
import org.dotchain.hub.platform.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPA's register of military units: a unit is its code and its name, nothing about its size, staffing or
 * location. A retired unit keeps its letters, people, orders and documents; nobody of it can log in any more.
 */
@Service
@Transactional
public class UnitRegistry {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

    /** Where a unit is in the access procedure. */
    public enum AccessState { NOT_REQUESTED, REQUESTED, DESIGNATED, GRANTED, WITHDRAWN, RETIRED }

    public record UnitView(String code, String name, Instant registeredAt, Instant retiredAt, AccessState access,
                           List<LetterView> letters, List<PersonView> persons) {
    }

    public record LetterView(AccessLetter.Kind kind, String number, LocalDate date) {
    }

    public record PersonView(String username, String fullName, Set<Role> roles, boolean active,
                             String designationLetter, List<TrainingView> trainings) {
    }

    public record TrainingView(String course, LocalDate completedOn) {
    }

    private final MilitaryUnitRepository units;
    private final PersonRepository persons;
    private final AccessAdministration access;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;

    UnitRegistry(MilitaryUnitRepository units, PersonRepository persons, AccessAdministration access,
                 EntityManager entityManager, AuditTrail audit, Clock clock) {
        this.units = units;
        this.persons = persons;
        this.access = access;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    public UnitView register(String admin, String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidFieldException("code", "A unit's code is 2 to 16 capital letters and digits, starting "
                    + "with a letter, e.g. A4004");
        }
        if (units.findByCode(code).isPresent()) {
            throw new FieldConflictException("unit-registered", "code", "Unit " + code + " is registered already",
                    code);
        }
        MilitaryUnit unit = units.save(new MilitaryUnit(code, name(name)));
        audit.record(admin, "UNIT_REGISTERED", "unit", code, "name=" + unit.getDesignation());
        return view(unit);
    }

    public UnitView rename(String admin, String code, String name) {
        MilitaryUnit unit = unit(code);
        String before = unit.getDesignation();
        unit.rename(name(name));
        audit.record(admin, "UNIT_RENAMED", "unit", code, "from=" + before + " to=" + unit.getDesignation());
        return view(unit);
    }

    /** Its people's accounts, tokens and pending activations stop working at once; its history stays. */
    public UnitView retire(String admin, String code) {
        MilitaryUnit unit = unit(code);
        if (unit.isRetired()) {
            return view(unit);
        }
        access.withdrawAccess(admin, code);
        Instant now = clock.instant();
        unit.retire(now);
        audit.record(admin, "UNIT_RETIRED", "unit", code, "at=" + now);
        return view(unit);
    }

    @Transactional(readOnly = true)
    public List<UnitView> all() {
        return units.findAll().stream().sorted(Comparator.comparing(MilitaryUnit::getCode)).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public UnitView one(String code) {
        return view(unit(code));
    }

    private UnitView view(MilitaryUnit unit) {
        List<LetterView> letters = entityManager.createQuery("select l from AccessLetter l where l.unit = :unit "
                        + "order by l.recordedAt, l.id", AccessLetter.class).setParameter("unit", unit)
                .getResultStream().map(letter -> new LetterView(letter.getKind(), letter.getLetterNumber(),
                        letter.getLetterDate())).toList();
        List<Person> people = persons.findByUnitId(unit.getId());
        Map<Long, List<TrainingView>> trainings = trainings(unit);
        List<PersonView> personViews = people.stream().sorted(Comparator.comparing(Person::getUsername))
                .map(person -> new PersonView(person.getUsername(), person.getFullName(), person.getRoles(),
                        person.isActive(), person.getDesignationLetter() == null ? null
                        : person.getDesignationLetter().getLetterNumber(),
                        trainings.getOrDefault(person.getId(), List.of()))).toList();
        return new UnitView(unit.getCode(), unit.getDesignation(), unit.getCreatedAt(), unit.getRetiredAt(),
                accessState(unit, letters, people), letters, personViews);
    }

    /** The trainings of the unit's people, by person, in one query. */
    private Map<Long, List<TrainingView>> trainings(MilitaryUnit unit) {
        return entityManager.createQuery("select t from TrainingRecord t where t.person.unit = :unit "
                        + "order by t.completedOn", TrainingRecord.class).setParameter("unit", unit)
                .getResultStream().collect(Collectors.groupingBy(training -> training.getPerson().getId(),
                        Collectors.mapping(training -> new TrainingView(training.getCourse(),
                                training.getCompletedOn()), Collectors.toList())));
    }

    private AccessState accessState(MilitaryUnit unit, List<LetterView> letters, List<Person> people) {
        Instant now = clock.instant();
        if (unit.isRetired()) {
            return AccessState.RETIRED;
        }
        if (people.stream().anyMatch(person -> person.isActive() || person.activationValid(now))) {
            return AccessState.GRANTED;
        }
        if (people.stream().anyMatch(person -> person.getAccessWithdrawnAt() != null)) {
            return AccessState.WITHDRAWN;
        }
        if (letters.stream().anyMatch(letter -> letter.kind() == AccessLetter.Kind.DESIGNATION)) {
            return AccessState.DESIGNATED;
        }
        return letters.isEmpty() ? AccessState.NOT_REQUESTED : AccessState.REQUESTED;
    }

    private MilitaryUnit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new NoSuchElementException("No unit with code " + code));
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidFieldException("name", "A unit's name is 1 to 200 characters");
        }
        return name.strip();
    }
}

package org.dotchain.hub.access;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only: active accounts for the DPA, every demo unit and supplier, all with the demo password and TOTP secret,
 * so that the demo can be tried at once; each unit's designation letter naming its people, and the DPA's signatory
 * on duty. Real accounts come through the access procedure.
 */
@Component
@Profile("demo")
@Order(DemoAccounts.ORDER)
class DemoAccounts implements ApplicationRunner {

    /** After the partners' registration, which makes the suppliers' rows. */
    static final int ORDER = 10;

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final PersonRepository persons;
    private final MilitaryUnitRepository units;
    private final SupplierRepository suppliers;
    private final PasswordEncoder passwords;
    private final EntityManager entityManager;
    private final Signatories signatories;
    private final String password;
    private final String totpSecret;

    DemoAccounts(PersonRepository persons, MilitaryUnitRepository units, SupplierRepository suppliers,
                 PasswordEncoder passwords, DemoProperties demo, EntityManager entityManager,
                 Signatories signatories) {
        this.entityManager = entityManager;
        this.signatories = signatories;
        this.persons = persons;
        this.units = units;
        this.suppliers = suppliers;
        this.passwords = passwords;
        this.password = demo.password();
        this.totpSecret = demo.totpSecret();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String hash = null;
        int created = 0;
        for (Account account : accounts()) {
            if (persons.findByUsername(account.username()).isEmpty()) {
                hash = hash == null ? passwords.encode(password) : hash;
                Person person = new Person(account.username(), account.fullName(), account.unit(), account.supplier(),
                        account.roles());
                person.setCredentials(hash, totpSecret);
                person.confirmTotp(0);
                persons.save(person);
                created++;
            }
        }
        for (MilitaryUnit unit : units.findAll()) {
            designateDemoPeopleOf(unit);
        }
        if (entityManager.createQuery("select count(d) from SignatoryDuty d", Long.class).getSingleResult() == 0) {
            signatories.nameOnDuty("dpa.admin", "dpa.signatory");
        }
        if (created > 0) {
            log.info("Demo accounts created: {} (password and TOTP secret: hub.demo.*)", created);
        }
    }

    /** The DPA's request letter and the unit's designation letter naming its demo people, as the procedure records. */
    private void designateDemoPeopleOf(MilitaryUnit unit) {
        List<Person> undesignated = persons.findByUnitId(unit.getId()).stream()
                .filter(person -> person.getDesignationLetter() == null
                        && person.getUsername().endsWith("." + unit.getCode().toLowerCase(Locale.ROOT)))
                .toList();
        if (!undesignated.isEmpty()) {
            entityManager.persist(new AccessLetter(unit, AccessLetter.Kind.REQUEST, "DEMO-RL-" + unit.getCode(),
                    LocalDate.of(2026, 1, 5)));
            AccessLetter letter = new AccessLetter(unit, AccessLetter.Kind.DESIGNATION, "DEMO-DL-" + unit.getCode(),
                    LocalDate.of(2026, 1, 10));
            entityManager.persist(letter);
            undesignated.forEach(person -> person.designatedBy(letter));
        }
    }

    private record Account(String username, String fullName, MilitaryUnit unit, Supplier supplier, Set<Role> roles) {
    }

    private List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        accounts.add(new Account("dpa.admin", "DPA Administrator", null, null, EnumSet.of(Role.DPA_ADMIN)));
        accounts.add(new Account("dpa.signatory", "Andrii Melnyk", null, null, EnumSet.of(Role.DPA_SIGNATORY)));
        accounts.add(new Account("operator", "Hub Operator", null, null, EnumSet.of(Role.OPERATOR)));
        for (MilitaryUnit unit : units.findAll()) {
            String code = unit.getCode().toLowerCase(Locale.ROOT);
            accounts.add(new Account("orderer." + code, "Orderer of " + unit.getCode(), unit, null,
                    EnumSet.of(Role.ORDERER, Role.RECEIVER)));
            accounts.add(new Account("signatory." + code, "Signatory of " + unit.getCode(), unit, null,
                    EnumSet.of(Role.UNIT_SIGNATORY)));
        }
        for (Supplier supplier : suppliers.findAll()) {
            accounts.add(new Account(supplier.getCode() + ".agent", supplier.getName(), null, supplier,
                    EnumSet.of(Role.SUPPLIER)));
        }
        return accounts;
    }
}

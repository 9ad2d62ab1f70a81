package org.dotchain.hub.access;

import java.time.Clock;
import java.util.OptionalLong;
import org.dotchain.hub.audit.AuditTrail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's one activation: a password, then a TOTP secret enrolled and proved with a first code. */
@Service
@Transactional
public class AccountActivation {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final PersonRepository persons;
    private final PasswordEncoder passwords;
    private final TotpCodes totp;
    private final AuditTrail audit;
    private final Clock clock;

    AccountActivation(PersonRepository persons, PasswordEncoder passwords, TotpCodes totp, AuditTrail audit,
                      Clock clock) {
        this.persons = persons;
        this.passwords = passwords;
        this.totp = totp;
        this.audit = audit;
        this.clock = clock;
    }

    public record Enrolment(String username, String totpSecret, String otpauthUri) {
    }

    public Enrolment setPassword(String activationToken, String password) {
        Person person = byToken(activationToken);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        // the form sent again (a reload, the other language) keeps the secret the QR code showed the first time
        String secret = person.getTotpSecret() != null && !person.isTotpConfirmed() ? person.getTotpSecret()
                : totp.newSecret();
        person.setCredentials(passwords.encode(password), secret);
        return new Enrolment(person.getUsername(), secret, totp.otpauthUri(person.getUsername(), secret));
    }

    /** The enrolment a password started and no code has proved yet, to show its QR code again. */
    @Transactional(readOnly = true)
    public Enrolment pendingEnrolment(String activationToken) {
        Person person = byToken(activationToken);
        if (person.getPasswordHash() == null) {
            throw new LoginRefusedException("The activation token has no password chosen yet");
        }
        return new Enrolment(person.getUsername(), person.getTotpSecret(),
                totp.otpauthUri(person.getUsername(), person.getTotpSecret()));
    }

    public void confirmTotp(String activationToken, String code) {
        Person person = byToken(activationToken);
        OptionalLong step = totp.verify(person.getTotpSecret(), code, person.getTotpLastStep());
        if (person.getPasswordHash() == null || step.isEmpty()) {
            throw new IllegalArgumentException("The code does not match the enrolled secret");
        }
        person.confirmTotp(step.getAsLong());
        audit.record(person.getUsername(), "ACCOUNT_ACTIVATED", "person", person.getUsername(), "totp=enrolled");
    }

    private Person byToken(String activationToken) {
        return persons.findByActivationTokenHash(Secrets.hash(activationToken == null ? "" : activationToken))
                .filter(person -> person.activationValid(clock.instant()))
                .orElseThrow(() -> new LoginRefusedException("The activation token is unknown, used or expired"));
    }
}

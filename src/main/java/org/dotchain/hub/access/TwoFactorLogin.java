package org.dotchain.hub.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password and TOTP code, both, for every person. Five failures lock the account for fifteen minutes; a code is used
 * once. A successful login gives an API token that expires.
 */
@Service
public class TwoFactorLogin {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final PersonRepository persons;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final TotpCodes totp;
    private final Clock clock;
    private final Duration tokenLifetime;

    TwoFactorLogin(PersonRepository persons, ApiTokenRepository tokens, PasswordEncoder passwords, TotpCodes totp,
                   Clock clock, AccessProperties settings) {
        this.persons = persons;
        this.tokens = tokens;
        this.passwords = passwords;
        this.totp = totp;
        this.clock = clock;
        this.tokenLifetime = settings.tokenLifetime();
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** Both factors at once, for the API; failures are counted though the login is refused, so they commit. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public IssuedToken login(String username, String password, String code) {
        Person person = passwordChecked(username, password);
        codeChecked(person, code);
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(tokenLifetime);
        tokens.save(new ApiToken(Secrets.hash(token), person, expiresAt));
        return new IssuedToken(token, expiresAt);
    }

    /** The first factor alone, for the pages' first step; the second is {@link #secondFactor}. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public void firstFactor(String username, String password) {
        passwordChecked(username, password);
    }

    /** The second factor, after the first was given for the same username; answers who is logged in. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public HubUser secondFactor(String username, String code) {
        Person person = persons.lockByUsername(username == null ? "" : username)
                .orElseThrow(() -> new LoginRefusedException("Wrong username, password or code"));
        refuseIfLocked(person);
        codeChecked(person, code);
        return HubUser.of(person);
    }

    private Person passwordChecked(String username, String password) {
        Person person = persons.lockByUsername(username == null ? "" : username)
                .orElseThrow(() -> new LoginRefusedException("Wrong username, password or code"));
        refuseIfLocked(person);
        boolean passwordRight = person.getPasswordHash() != null && password != null
                && passwords.matches(password, person.getPasswordHash());
        if (!passwordRight) {
            person.loginFailed(clock.instant(), MAX_FAILURES, LOCKOUT);
            throw new LoginRefusedException("Wrong username, password or code");
        }
        return person;
    }

    private void codeChecked(Person person, String code) {
        OptionalLong step = totp.verify(person.getTotpSecret(), code, person.getTotpLastStep());
        if (step.isEmpty()) {
            person.loginFailed(clock.instant(), MAX_FAILURES, LOCKOUT);
            boolean replayed = totp.verify(person.getTotpSecret(), code, Long.MIN_VALUE).isPresent();
            throw replayed
                    ? new LoginRefusedException(LoginRefusedException.Reason.REPLAYED_CODE, "This code was used "
                    + "already: wait for the next one")
                    : new LoginRefusedException(LoginRefusedException.Reason.WRONG_CODE,
                    "Wrong username, password or code");
        }
        if (!person.isActive()) {
            throw new LoginRefusedException(LoginRefusedException.Reason.NO_ACCESS, "This account has no access");
        }
        person.loginSucceeded(step.getAsLong());
    }

    private void refuseIfLocked(Person person) {
        if (person.lockedAt(clock.instant())) {
            throw new LoginRefusedException(LoginRefusedException.Reason.LOCKED, "Too many failed attempts: the "
                    + "account is locked until " + person.getLockedUntil());
        }
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public java.util.Optional<HubUser> userOf(String token) {
        return tokens.findLive(Secrets.hash(token), clock.instant()).map(found -> HubUser.of(found.getPerson()));
    }

    @Transactional
    public void logout(String token) {
        tokens.deleteById(Secrets.hash(token));
    }
}

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

    /** Failures are counted even though the login is refused, so they commit on their own. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public IssuedToken login(String username, String password, String code) {
        Instant now = clock.instant();
        Person person = persons.lockByUsername(username == null ? "" : username)
                .orElseThrow(() -> new LoginRefusedException("Wrong username, password or code"));
        if (person.lockedAt(now)) {
            throw new LoginRefusedException("Too many failed attempts: the account is locked until "
                    + person.getLockedUntil());
        }
        boolean passwordRight = person.getPasswordHash() != null && password != null
                && passwords.matches(password, person.getPasswordHash());
        OptionalLong step = passwordRight
                ? totp.verify(person.getTotpSecret(), code, person.getTotpLastStep()) : OptionalLong.empty();
        if (step.isEmpty()) {
            person.loginFailed(now, MAX_FAILURES, LOCKOUT);
            throw new LoginRefusedException("Wrong username, password or code");
        }
        if (!person.isActive()) {
            throw new LoginRefusedException("This account has no access");
        }
        person.loginSucceeded(step.getAsLong());
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(tokenLifetime);
        tokens.save(new ApiToken(Secrets.hash(token), person, expiresAt));
        return new IssuedToken(token, expiresAt);
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

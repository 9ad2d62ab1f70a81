package org.dotchain.hub.access;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password and TOTP code, both, for every person; a code is used once. A successful login gives an API token that
 * expires. An unknown username, a wrong password, a wrong code and a try while {@link LoginAttempts} holds the
 * address back all get one answer, after the same work (an unknown username's password is checked against a hash
 * of nothing, a code against a secret of no one's), so that the answer tells no one whether an account exists or which factor was wrong. Only someone who
 * gave both factors right hears more: that the code was used already, or that the account has no access.
 */
@Service
public class TwoFactorLogin {

    static final String REFUSED = "Wrong username, password or code; after several failures, wait a few minutes "
            + "before the next try";

    private final PersonRepository persons;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final TotpCodes totp;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final String hashOfNothing;
    private final String secretOfNoOne;

    TwoFactorLogin(PersonRepository persons, ApiTokenRepository tokens, PasswordEncoder passwords, TotpCodes totp,
                   LoginAttempts attempts, Clock clock, AccessProperties settings) {
        this.persons = persons;
        this.tokens = tokens;
        this.passwords = passwords;
        this.totp = totp;
        this.attempts = attempts;
        this.clock = clock;
        this.tokenLifetime = settings.tokenLifetime();
        this.hashOfNothing = passwords.encode(Secrets.newToken());
        this.secretOfNoOne = totp.newSecret();
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /**
     * The first factor's outcome and where it came from, kept by the pages between their two steps without showing
     * it: the code step says whether the login as a whole passed.
     */
    public record FirstFactor(String username, boolean passed, String address) implements Serializable {
    }

    /** Both factors at once, for the API, from the network address {@code address}. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public IssuedToken login(String username, String password, String code, String address) {
        FirstFactor first = firstFactor(username, password, address);
        Person person = codeChecked(first, code, address);
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(tokenLifetime);
        tokens.save(new ApiToken(Secrets.hash(token), person, expiresAt));
        return new IssuedToken(token, expiresAt);
    }

    /** The password alone, for the pages' first step; refuses only an address over its rate. */
    @Transactional
    public FirstFactor firstFactor(String username, String password, String address) {
        attempts.admit(address);
        String name = username == null ? "" : username.strip();
        String hash = persons.findByUsername(name).map(Person::getPasswordHash).orElse(null);
        // the same work whatever the username and the password: a hash checked, the wait looked up
        boolean passwordRight = passwords.matches(password == null ? "" : password, hash == null ? hashOfNothing : hash)
                && hash != null;
        boolean waiting = attempts.waiting(address, name);
        return new FirstFactor(name, passwordRight && !waiting, address);
    }

    /** The code, after {@link #firstFactor}; answers who is logged in, or refuses the login as a whole. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public HubUser secondFactor(FirstFactor first, String code, String address) {
        attempts.admit(address);
        return HubUser.of(codeChecked(first, code, address));
    }

    /**
     * The code, checked the same way whether the first factor passed or not (against a secret of no one's when it did
     * not); the failure counts for the address of each step, so that changing address between them gains nothing.
     */
    private Person codeChecked(FirstFactor first, String code, String address) {
        Person person = persons.lockByUsername(first.username()).orElse(null);
        boolean waiting = attempts.waiting(address, first.username());
        boolean passed = first.passed() && person != null && !waiting;
        String secret = passed ? person.getTotpSecret() : secretOfNoOne;
        OptionalLong step = totp.verify(secret, code, passed ? person.getTotpLastStep() : Long.MIN_VALUE);
        if (!passed || step.isEmpty()) {
            attempts.failed(address, first.username());
            if (!address.equals(first.address())) {
                attempts.failed(first.address(), first.username());
            }
            if (passed && totp.verify(secret, code, Long.MIN_VALUE).isPresent()) {
                throw new LoginRefusedException(LoginRefusedException.Reason.REPLAYED_CODE,
                        "This code was used already: wait for the next one");
            }
            throw new LoginRefusedException(REFUSED);
        }
        attempts.succeeded(address, first.username());
        if (!person.isActive()) {
            throw new LoginRefusedException(LoginRefusedException.Reason.NO_ACCESS, "This account has no access");
        }
        person.loginSucceeded(step.getAsLong());
        return person;
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<HubUser> userOf(String token) {
        return tokens.findLive(Secrets.hash(token), clock.instant()).map(found -> HubUser.of(found.getPerson()));
    }

    @Transactional
    public void logout(String token) {
        tokens.deleteById(Secrets.hash(token));
    }
}

package org.dotchain.hub.access;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What keeps guessing slow without letting a stranger lock anyone out. Each network address may try so many logins
 * and activations a minute, whatever the username (429 beyond). A username's failures in a row from one address make
 * that address wait before its next try for that username, a minute doubling up to the longest wait; a try while
 * waiting is refused whatever it holds, with the answer a wrong password gets, and counts as a failure. The owner, from their own address, is not held
 * back by what a stranger does from another; a right login from an address ends its wait. Kept in the database, so
 * that every hub instance counts the same.
 */
@Component
public class LoginAttempts {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessProperties.LoginAttempts limits;

    LoginAttempts(JdbcTemplate jdbc, Clock clock, AccessProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = settings.loginAttempts();
    }

    /** Counts an attempt of the address in this minute; refuses it if the address has had its share. */
    void admit(String address) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Integer attempts = jdbc.queryForObject("""
                insert into login_attempt (key_hash, window_start, attempts) values (?, ?, 1)
                on conflict (key_hash) do update set
                    attempts = case when login_attempt.window_start = excluded.window_start
                                    then login_attempt.attempts + 1 else 1 end,
                    window_start = excluded.window_start
                returning attempts""", Integer.class, key(address), Timestamp.from(minute));
        if (attempts != null && attempts > limits.perMinute()) {
            throw new TooManyAttemptsException();
        }
    }

    /** Whether the address must wait before it may try this username again. */
    boolean waiting(String address, String username) {
        return jdbc.queryForList("select waits_until from login_attempt where key_hash = ? and waits_until > ?",
                key(address, username), Timestamp.from(clock.instant())).size() > 0;
    }

    void failed(String address, String username) {
        Instant now = clock.instant();
        Integer failures = jdbc.queryForObject("""
                insert into login_attempt (key_hash, window_start, attempts, failures) values (?, ?, 1, 1)
                on conflict (key_hash) do update set failures = login_attempt.failures + 1,
                    attempts = login_attempt.attempts + 1, window_start = excluded.window_start
                returning failures""", Integer.class, key(address, username), Timestamp.from(now));
        int beyond = (failures == null ? 0 : failures) - limits.freeFailures();
        if (beyond >= 0) {
            Duration wait = Duration.ofMinutes(1L << Math.min(beyond, 20));
            wait = wait.compareTo(limits.longestWait()) > 0 ? limits.longestWait() : wait;
            jdbc.update("update login_attempt set waits_until = ? where key_hash = ?", Timestamp.from(now.plus(wait)),
                    key(address, username));
        }
    }

    void succeeded(String address, String username) {
        jdbc.update("delete from login_attempt where key_hash = ?", key(address, username));
    }

    /** Forgets what no rule needs any more: rows untouched for a day; answers how many. */
    public int forgetOld() {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        return jdbc.update("delete from login_attempt where window_start < ? and (waits_until is null or waits_until < ?)",
                Timestamp.from(dayAgo), Timestamp.from(dayAgo));
    }

    private static String key(String address) {
        return DigestUtils.sha256Hex(("address\n" + address).getBytes(StandardCharsets.UTF_8));
    }

    private static String key(String address, String username) {
        return DigestUtils.sha256Hex(("login\n" + address + "\n" + username.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }
}

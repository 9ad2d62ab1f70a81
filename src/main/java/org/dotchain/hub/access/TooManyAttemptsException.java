package org.dotchain.hub.access;

import java.time.Duration;
import java.util.Optional;
import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** More logins or activations from one network address in a minute than hub.access.login-attempts allows. */
public class TooManyAttemptsException extends Refusal {

    public TooManyAttemptsException() {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts from this network address: wait a minute and try again");
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofMinutes(1));
    }
}

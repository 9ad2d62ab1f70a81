package org.dotchain.hub.access;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A login refused: the message says why only to someone who gave both factors right. */
public class LoginRefusedException extends Refusal {

    /** Why, for a page to say it in the reader's language. */
    public enum Reason { WRONG_CREDENTIALS, REPLAYED_CODE, NO_ACCESS }

    private final Reason reason;

    public LoginRefusedException(String message) {
        this(Reason.WRONG_CREDENTIALS, message);
    }

    public LoginRefusedException(Reason reason, String message) {
        super(HttpStatus.UNAUTHORIZED, "login-refused", message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}

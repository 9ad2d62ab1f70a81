package org.dotchain.hub.access;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** Wrong password or code, a locked account, or no access: the message says which only where it is safe to. */
public class LoginRefusedException extends Refusal {

    /** Why, for a page to say it in the reader's language. */
    public enum Reason { WRONG_CREDENTIALS, LOCKED, WRONG_CODE, REPLAYED_CODE, NO_ACCESS }

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

package org.dotchain.hub.access;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** Wrong password or code, a locked account, or no access: the message says which only where it is safe to. */
public class LoginRefusedException extends Refusal {

    public LoginRefusedException(String message) {
        super(HttpStatus.UNAUTHORIZED, "login-refused", message);
    }
}

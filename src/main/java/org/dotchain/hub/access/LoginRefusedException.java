package org.dotchain.hub.access;

/** Wrong password or code, a locked account, or no access: the message says which only where it is safe to. */
public class LoginRefusedException extends RuntimeException {

    public LoginRefusedException(String message) {
        super(message);
    }
}

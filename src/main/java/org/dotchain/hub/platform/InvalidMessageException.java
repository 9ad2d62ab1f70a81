package org.dotchain.hub.platform;

import org.springframework.http.HttpStatus;

/** A message or request whose content cannot be applied as it stands: sending it again would not help. */
public class InvalidMessageException extends Refusal {

    public InvalidMessageException(String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-message", message);
    }
}

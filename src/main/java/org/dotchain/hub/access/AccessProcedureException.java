package org.dotchain.hub.access;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A step of the access procedure taken before the one it depends on. */
public class AccessProcedureException extends Refusal {

    public AccessProcedureException(String message) {
        super(HttpStatus.CONFLICT, "access-procedure", message);
    }
}

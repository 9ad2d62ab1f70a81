package org.dotchain.hub.access;

/** A step of the access procedure taken before the one it depends on. */
public class AccessProcedureException extends RuntimeException {

    public AccessProcedureException(String message) {
        super(message);
    }
}

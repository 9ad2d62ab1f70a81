package org.dotchain.hub.platform;

/** A request value that cannot be accepted, with the name of the field at fault. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}

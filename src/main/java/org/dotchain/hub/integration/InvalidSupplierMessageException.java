package org.dotchain.hub.integration;

/** A supplier's message that cannot be applied as it stands: retrying it would not help. */
public class InvalidSupplierMessageException extends RuntimeException {

    public InvalidSupplierMessageException(String message) {
        super(message);
    }
}

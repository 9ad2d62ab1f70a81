package org.dotchain.hub.integration;

/** A request that cannot be shown to come from the supplier it names. */
public class SupplierAuthenticationException extends RuntimeException {

    public SupplierAuthenticationException(String message) {
        super(message);
    }
}

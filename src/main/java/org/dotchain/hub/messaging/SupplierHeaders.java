package org.dotchain.hub.messaging;

/** Exchange headers of the supplier routes. */
public final class SupplierHeaders {

    /** The supplier the transport authenticated: set by the transport route, never taken from the message. */
    public static final String SUPPLIER = "hubSupplier";
    /** Why a message went to a dead-letter queue. */
    public static final String DEAD_LETTER_REASON = "hubDeadLetterReason";

    private SupplierHeaders() {
    }
}

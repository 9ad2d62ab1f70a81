package org.dotchain.hub.messaging;

/** Exchange headers of the partner routes. */
public final class PartnerHeaders {

    /** The partner the transport authenticated: set by the transport route, never taken from the message. */
    public static final String PARTNER = "hubPartner";
    /** Why a message went to a dead-letter queue. */
    public static final String DEAD_LETTER_REASON = "hubDeadLetterReason";

    private PartnerHeaders() {
    }
}

package org.dotchain.hub.messaging;

/** Exchange headers of the partner routes. */
public final class PartnerHeaders {

    /** The partner the transport authenticated: set by the transport route, never taken from the message. */
    public static final String PARTNER = "hubPartner";
    /**
     * What a message is about (its order, else its certificate or offer): set by the hub's own routes, never taken
     * from a partner's header; a JMS property, and an HTTP header over REST and SOAP.
     */
    public static final String CORRELATION = "hubCorrelationId";
    /** Why a message went to a dead-letter queue. */
    public static final String DEAD_LETTER_REASON = "hubDeadLetterReason";

    private PartnerHeaders() {
    }
}

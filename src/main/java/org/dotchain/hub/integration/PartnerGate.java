package org.dotchain.hub.integration;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.dotchain.hub.messaging.PartnerKind;
import org.dotchain.hub.partners.Partners;
import org.dotchain.hub.platform.InvalidMessageException;
import org.springframework.stereotype.Component;

/**
 * What an inbound request must be before its signature is checked: from a partner of the connector files, of the
 * kind the endpoint serves, and no larger than a message may be. An unknown code is refused like a bad signature,
 * so that the answer does not tell which partners exist. It also tells the inbound routes' throttles each partner's
 * limits ({@link PartnerLimits}).
 */
@Component("partnerGate")
public class PartnerGate {

    public static final int MAX_MESSAGE_BYTES = 1_048_576;

    private final Partners partners;
    private final PartnerLimits limits;

    PartnerGate(Partners partners, PartnerLimits limits) {
        this.partners = partners;
        this.limits = limits;
    }

    public int requestsPerSecondOf(@Header(PartnerHeaders.PARTNER) String partner) {
        return limits.requestsPerSecondOf(partner);
    }

    public int concurrentRequestsOf(@Header(PartnerHeaders.PARTNER) String partner) {
        return limits.concurrentRequestsOf(partner);
    }

    public int jmsMessagesPerSecondOf(@Header(PartnerHeaders.PARTNER) String partner) {
        return limits.jmsMessagesPerSecondOf(partner);
    }

    public void admit(@Header(PartnerHeaders.PARTNER) String partner, @ExchangeProperty("hubPartnerKind") PartnerKind kind,
                      @Body String body) {
        if (partner == null || partners.find(partner).filter(known -> known.getKind() == kind).isEmpty()) {
            throw new PartnerAuthenticationException("The request is not signed by a "
                    + (kind == PartnerKind.SUPPLIER ? "supplier" : "partner") + " of the hub");
        }
        fits(body);
    }

    /** No larger than a message may be (the JMS transport's check; REST and SOAP check as they admit or read). */
    public void fits(@Body String body) {
        // a character is at most three UTF-8 bytes: count the bytes only when the text could be too large
        if (body != null && body.length() * 3L > MAX_MESSAGE_BYTES
                && body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new InvalidMessageException("The message is larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
    }
}

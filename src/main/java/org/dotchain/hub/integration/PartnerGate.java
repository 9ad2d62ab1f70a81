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
 * so that the answer does not tell which partners exist.
 */
@Component("partnerGate")
public class PartnerGate {

    public static final int MAX_MESSAGE_BYTES = 1_048_576;

    private final Partners partners;

    PartnerGate(Partners partners) {
        this.partners = partners;
    }

    public void admit(@Header(PartnerHeaders.PARTNER) String partner, @ExchangeProperty("hubPartnerKind") PartnerKind kind,
                      @Body String body) {
        if (partner == null || partners.find(partner).filter(known -> known.getKind() == kind).isEmpty()) {
            throw new PartnerAuthenticationException("The request is not signed by a "
                    + (kind == PartnerKind.SUPPLIER ? "supplier" : "partner") + " of the hub");
        }
        // a text has at most as many characters as its UTF-8 bytes: count those only when it could be too large
        if (body != null && body.length() * 3L > MAX_MESSAGE_BYTES
                && body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new InvalidMessageException("The message is larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
    }
}

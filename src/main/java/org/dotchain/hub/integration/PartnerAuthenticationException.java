package org.dotchain.hub.integration;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A request that cannot be shown to come from the partner it names. */
public class PartnerAuthenticationException extends Refusal {

    public PartnerAuthenticationException(String message) {
        super(HttpStatus.UNAUTHORIZED, "unauthenticated-supplier", message);
    }
}

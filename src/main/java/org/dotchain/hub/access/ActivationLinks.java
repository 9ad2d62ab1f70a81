package org.dotchain.hub.access;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An activation as the DPA's pages show it: the one-time link to hand over, at the hub's address as asked for. */
@Component
class ActivationLinks {

    /** An activation link to hand over, with when it stops working. */
    record ActivationLink(String username, String link, Instant expiresAt) {
    }

    ActivationLink of(AccessAdministration.Activation activation) {
        return new ActivationLink(activation.username(), ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/activate").queryParam("token", activation.activationToken()).toUriString(),
                activation.expiresAt());
    }
}

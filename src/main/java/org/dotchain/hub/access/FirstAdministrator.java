package org.dotchain.hub.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one way into a hub that has no administrator (an empty database, no demo): at start it invites the first
 * one with a one-time activation token, printed here once; the administrator activates it at POST /api/activations
 * with a password and a TOTP code like everyone else, and makes every other account. A start while the token is
 * unused prints a new one (the old one stops working); once an administrator is active, nothing is printed.
 */
@Component
@Order(FirstAdministrator.ORDER)
class FirstAdministrator implements ApplicationRunner {

    /** After the demo's accounts, which include an active administrator. */
    static final int ORDER = DemoAccounts.ORDER + 10;

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccessAdministration administration;
    private final String username;

    FirstAdministrator(AccessAdministration administration, AccessProperties settings) {
        this.administration = administration;
        this.username = settings.firstAdministrator();
    }

    @Override
    public void run(ApplicationArguments args) {
        administration.inviteFirstAdministrator(username).ifPresent(activation -> log.warn(
                "No administrator yet. Activate {} with this one-time token, valid until {}: "
                        + "POST /api/activations {\"activationToken\":\"{}\",\"password\":\"...\"}, then POST "
                        + "/api/activations/confirmation with a TOTP code (README, \"Start with no demo data\")",
                activation.username(), activation.expiresAt(), activation.activationToken()));
    }
}

package org.dotchain.hub.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo accounts' shared credentials (profile demo only; unset elsewhere).
 *
 * @param password   every demo account's password
 * @param totpSecret every demo account's TOTP secret, Base32
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(String password, String totpSecret) {
}

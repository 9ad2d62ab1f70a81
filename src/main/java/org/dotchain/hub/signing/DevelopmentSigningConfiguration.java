package org.dotchain.hub.signing;

import java.time.Clock;
import org.dotchain.hub.platform.HubProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Development signing, on by default for the demo and tests; switch it off where real signers sign. The CA is created
 * at start-up, on the first start in a data folder, and read back on every later one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.signing.development.enabled", havingValue = "true", matchIfMissing = true)
class DevelopmentSigningConfiguration {

    @Bean
    DevelopmentCertificateAuthority developmentCertificateAuthority(
            HubProperties hub, SigningProperties settings, Clock clock) {
        DevelopmentCertificateAuthority authority = new DevelopmentCertificateAuthority(hub.dataDir().resolve("pki"),
                settings.development().keystorePassword().toCharArray(), clock);
        authority.caCertificate();
        return authority;
    }
}

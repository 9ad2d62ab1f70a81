package org.dotchain.hub.signing;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
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
            @Value("${hub.data-dir}") Path dataDir,
            @Value("${hub.signing.development.keystore-password}") String password, Clock clock) {
        DevelopmentCertificateAuthority authority =
                new DevelopmentCertificateAuthority(dataDir.resolve("pki"), password.toCharArray(), clock);
        authority.caCertificate();
        return authority;
    }
}

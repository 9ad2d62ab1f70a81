package org.dotchain.reference;

import java.time.Clock;
import org.dotchain.hub.integration.PartnerKeys;
import org.dotchain.hub.integration.RequestSignatures;
import org.dotchain.hub.integration.SoapSignatures;
import org.dotchain.hub.signing.DevelopmentCertificateAuthority;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The suppliers' secrets as their systems hold them: the same references the hub reads (hub.suppliers.&lt;code&gt;.*,
 * or the files of the data folder), the same signed requests over REST and SOAP, and the CA that certifies their
 * signing keys.
 */
@Configuration(proxyBeanMethods = false)
class HubCredentials {

    @Bean
    PartnerKeys supplierKeys(Environment environment, ReferenceSupplierProperties settings) {
        return new PartnerKeys(environment, settings.dataDir(), false, code -> code.equals(FinanceSystem.PARTY)
                ? "hub.finance" : PartnerKeys.CONVENTION + code);
    }

    /** The time requests are signed and checked by; it must agree with the hub's within five minutes. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RequestSignatures requestSignatures(PartnerKeys keys, Clock clock) {
        return new RequestSignatures(keys, clock);
    }

    @Bean
    SoapSignatures soapSignatures(RequestSignatures signatures) {
        return new SoapSignatures(signatures);
    }

    /** The hub's development CA, read from the data folder the demo hub keeps it in. */
    @Bean
    @ConditionalOnMissingBean
    DevelopmentCertificateAuthority developmentCertificateAuthority(ReferenceSupplierProperties settings, Clock clock) {
        return new DevelopmentCertificateAuthority(settings.dataDir().resolve("pki"),
                settings.developmentKeystorePassword().toCharArray(), clock);
    }
}

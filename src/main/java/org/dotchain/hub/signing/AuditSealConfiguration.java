package org.dotchain.hub.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import org.dotchain.hub.audit.AuditProperties;
import org.dotchain.hub.audit.AuditSeal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's key that seals the audit chain's checkpoints: from hub.audit.seal.keystore (PKCS#12, its first key), or,
 * while development signing is on and no key store is set, issued by the development CA.
 */
@Configuration(proxyBeanMethods = false)
class AuditSealConfiguration {

    @Bean
    AuditSeal auditSeal(AuditProperties audit, ObjectProvider<DevelopmentCertificateAuthority> development)
            throws IOException, GeneralSecurityException {
        AuditProperties.Seal seal = audit.seal();
        if (seal.keystore() != null) {
            return load(seal);
        }
        DevelopmentCertificateAuthority authority = development.getIfAvailable();
        if (authority == null) {
            throw new IllegalStateException("hub.audit.seal.keystore is not set: the audit chain's checkpoints need "
                    + "the hub's own key (a PKCS#12 file and hub.audit.seal.password)");
        }
        SigningCredentials credentials = authority.credentialsFor("dotchain-hub-audit-seal", "dotchain-hub audit seal");
        return new AuditSeal(credentials.privateKey(), credentials.chain());
    }

    private static AuditSeal load(AuditProperties.Seal seal) throws IOException, GeneralSecurityException {
        char[] password = seal.password() == null ? new char[0] : seal.password().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(seal.keystore())) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Certificate[] chain = store.getCertificateChain(alias);
                return new AuditSeal((PrivateKey) store.getKey(alias, password),
                        Arrays.stream(chain).map(X509Certificate.class::cast).toList());
            }
        }
        throw new IllegalStateException("hub.audit.seal.keystore " + seal.keystore() + " holds no key");
    }
}

package org.dotchain.reference;

import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dotchain.hub.signing.DevelopmentCertificateAuthority;
import org.dotchain.hub.signing.PadesCmsBuilder;
import org.dotchain.hub.signing.SigningCredentials;
import org.springframework.stereotype.Component;

/**
 * Each supplier's signing key, made at start and kept in memory, with a certificate from the hub's development CA
 * (as a real supplier holds a qualified certificate from its CA). It signs the digests of the hub's signing requests.
 */
@Component
public class SupplierSigningKeys {

    private final DevelopmentCertificateAuthority authority;
    private final Clock clock;
    private final Map<String, SigningCredentials> credentials = new ConcurrentHashMap<>();

    SupplierSigningKeys(DevelopmentCertificateAuthority authority, Clock clock) {
        this.authority = authority;
        this.clock = clock;
    }

    /** The supplier's signing certificate, DER-encoded. */
    public byte[] certificateOf(String supplier) {
        try {
            return credentialsOf(supplier).chain().get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A certificate the CA made always encodes", e);
        }
    }

    /** A detached CMS signature (PAdES baseline B) over a signing request's content digest. */
    public byte[] sign(String supplier, byte[] contentDigest) {
        SigningCredentials signer = credentialsOf(supplier);
        return PadesCmsBuilder.sign(contentDigest, signer.privateKey(), "SHA256withECDSA", signer.chain());
    }

    private SigningCredentials credentialsOf(String supplier) {
        return credentials.computeIfAbsent(supplier, code -> authority.issue("supplier:" + code, code,
                clock.instant().minus(Duration.ofHours(1)), clock.instant().plus(Duration.ofDays(365))));
    }
}

package org.dotchain.hub.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The certificate authorities whose signers the hub accepts: those listed in hub.signing.trusted-certificates (PEM
 * or DER files), and the development CA while development signing is on.
 */
@Component
public class TrustedCertificates {

    private final List<X509Certificate> configured;
    private final ObjectProvider<DevelopmentCertificateAuthority> development;

    TrustedCertificates(SigningProperties settings, ObjectProvider<DevelopmentCertificateAuthority> development) {
        this.configured = settings.trustedCertificates().stream().filter(file -> !file.isBlank()).map(TrustedCertificates::read).toList();
        this.development = development;
    }

    public List<X509Certificate> anchors() {
        List<X509Certificate> anchors = new ArrayList<>(configured);
        development.ifAvailable(authority -> anchors.add(authority.caCertificate()));
        return anchors;
    }

    private static X509Certificate read(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read trusted certificate " + file, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " is not an X.509 certificate", e);
        }
    }
}

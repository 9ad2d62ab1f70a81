package org.dotchain.hub.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for development and demonstration only: created on first use in its folder, it issues each
 * demo person and supplier a certificate (persons RSA 2048, suppliers ECDSA P-256) and keeps every key in a PKCS#12
 * file encrypted with the configured password. Production signers bring certificates from a qualified provider.
 */
public class DevelopmentCertificateAuthority {

    static final String CA_FILE = "development-ca.p12";
    private static final String ALIAS = "key";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SIGNER_VALIDITY = Duration.ofDays(730);

    private final Path folder;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private SigningCredentials ca;

    public DevelopmentCertificateAuthority(Path folder, char[] password, Clock clock) {
        this.folder = folder;
        this.password = password.clone();
        this.clock = clock;
    }

    public synchronized X509Certificate caCertificate() {
        return ca().certificate();
    }

    /** The signer's credentials, issued on first request and kept in the folder from then on. */
    public synchronized SigningCredentials credentialsFor(String identity, String name) {
        Path file = folder.resolve("signers").resolve(identity.replaceAll("[^A-Za-z0-9._-]", "_") + ".p12");
        if (Files.exists(file)) {
            return load(file);
        }
        Instant now = clock.instant();
        SigningCredentials credentials = issue(identity, name, now.minus(Duration.ofMinutes(5)),
                now.plus(SIGNER_VALIDITY));
        store(file, credentials);
        return credentials;
    }

    /** Credentials for the given validity, kept nowhere: tests use them for expired and not-yet-valid signers. */
    public synchronized SigningCredentials issue(String identity, String name, Instant notBefore, Instant notAfter) {
        KeyPair keys = identity.startsWith("supplier:") ? ecKeys() : rsaKeys();
        return new SigningCredentials(keys.getPrivate(),
                certify(identity, name, keys.getPublic(), notBefore, notAfter));
    }

    /** A certificate for a key the signer made and keeps: the CA never sees the private key. */
    public synchronized List<X509Certificate> certify(String identity, String name, PublicKey key, Instant notBefore,
                                                      Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "dotchain-hub development")
                .addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.UID, identity)
                .build();
        SigningCredentials authority = ca();
        X509Certificate certificate = certificate(authority.certificate(), authority.privateKey(), subject,
                key, notBefore, notAfter, false);
        return List.of(certificate, authority.certificate());
    }

    private SigningCredentials ca() {
        if (ca == null) {
            Path file = folder.resolve(CA_FILE);
            if (Files.exists(file)) {
                ca = load(file);
            } else {
                KeyPair keys = ecKeys();
                X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.O, "dotchain-hub development")
                        .addRDN(BCStyle.CN, "dotchain-hub Development CA " + folder.toAbsolutePath().hashCode())
                        .build();
                Instant now = clock.instant();
                X509Certificate certificate = certificate(null, keys.getPrivate(), name, keys.getPublic(),
                        now.minus(Duration.ofHours(1)), now.plus(CA_VALIDITY), true);
                ca = new SigningCredentials(keys.getPrivate(), List.of(certificate));
                store(file, ca);
            }
        }
        return ca;
    }

    private X509Certificate certificate(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
                                        Instant notBefore, Instant notAfter, boolean authority) {
        try {
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, random).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, key);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(key));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CryptoProvider.BC).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot issue a development certificate", e);
        }
    }

    private KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every Java runtime", e);
        }
    }

    private KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private void store(Path file, SigningCredentials credentials) {
        try {
            Files.createDirectories(file.getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, credentials.privateKey(), password,
                    credentials.chain().toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }

    private SigningCredentials load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(ALIAS))
                    .map(X509Certificate.class::cast).toList();
            return new SigningCredentials(key, chain);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (is hub.signing.development.keystore-password right?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}

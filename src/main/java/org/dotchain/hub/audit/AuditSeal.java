package org.dotchain.hub.audit;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** The hub's own key and certificate, which seal checkpoints of the audit chain as detached CMS signatures. */
public record AuditSeal(PrivateKey key, List<X509Certificate> chain) {

    private static final Provider BC = new BouncyCastleProvider();

    public AuditSeal {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    byte[] sign(byte[] content) {
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key), certificate()));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("Cannot seal the audit checkpoint", e);
        }
    }

    /** Whether the detached signature is over exactly this content and by the holder of the trusted certificate. */
    static boolean isSealedBy(byte[] content, byte[] signature, X509Certificate trusted) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(trusted);
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                if (signer.verify(verifier)) {
                    return true;
                }
            }
            return false;
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}

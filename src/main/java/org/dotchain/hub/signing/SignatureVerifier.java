package org.dotchain.hub.signing;

import java.io.IOException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.dotchain.hub.signing.VerificationReport.Check;
import org.dotchain.hub.signing.VerificationReport.SignatureResult;
import org.springframework.stereotype.Component;

/**
 * Validates every PAdES signature of a PDF: the signed bytes against the signed digest, the signature value, the
 * signer's certificate against the trusted certificates, and each signer against the one its step expects. Nothing
 * is trusted from the document itself but the bytes.
 */
@Component
public class SignatureVerifier {

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final TrustedCertificates trusted;
    private final SignatureSchemes schemes;
    private final Clock clock;

    SignatureVerifier(TrustedCertificates trusted, SignatureSchemes schemes, Clock clock) {
        this.trusted = trusted;
        this.schemes = schemes;
        this.clock = clock;
    }

    public VerificationReport verify(byte[] pdf, List<ExpectedSigner> expected) {
        List<PDSignatureField> fields;
        List<SignatureResult> results = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            fields = document.getSignatureFields().stream()
                    .filter(field -> field.getSignature() != null)
                    .sorted(Comparator.comparingLong(field -> revisionEnd(field.getSignature())))
                    .toList();
            Instant now = clock.instant();
            for (int i = 0; i < fields.size(); i++) {
                ExpectedSigner expectedSigner = i < expected.size() ? expected.get(i) : null;
                SignatureResult result = check(pdf, fields.get(i), i + 1, expectedSigner, now);
                if (result.passed() && i > 0) {
                    result = onlySignatureAdded(pdf, fields.get(i - 1).getSignature(), fields.get(i).getSignature(),
                            result);
                }
                results.add(result);
            }
        } catch (IOException e) {
            return new VerificationReport(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
                    "Not a readable PDF: " + e.getMessage(), 0, 0, List.of());
        }
        long lastRevisionEnd = fields.isEmpty() ? pdf.length : revisionEnd(fields.get(fields.size() - 1).getSignature());
        long unsigned = Math.max(0, pdf.length - lastRevisionEnd);
        return summarise(results, unsigned);
    }

    private static VerificationReport summarise(List<SignatureResult> results, long unsigned) {
        if (results.isEmpty()) {
            return new VerificationReport(Indication.INDETERMINATE, null, "The document carries no signature", 0,
                    0, results);
        }
        if (unsigned > 0) {
            return new VerificationReport(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, unsigned
                    + " bytes were appended after the last signature and are covered by none", results.size(),
                    unsigned, results);
        }
        return results.stream().filter(result -> !result.passed()).findFirst()
                .map(failed -> new VerificationReport(failed.indication(), failed.subIndication(),
                        "Signature " + failed.fieldName() + ": " + failed.message(), results.size(), 0, results))
                .orElseGet(() -> new VerificationReport(Indication.TOTAL_PASSED, null,
                        "All " + results.size() + " signatures are valid", results.size(), 0, results));
    }

    private SignatureResult check(byte[] pdf, PDSignatureField field, int revision, ExpectedSigner expected,
                                  Instant now) throws IOException {
        PDSignature signature = field.getSignature();
        Outcome outcome = new Outcome(field.getPartialName(), signature, revision);
        int[] byteRange = signature.getByteRange();
        if (!PdfSignaturePreparer.PADES_SUBFILTER.getName().equals(signature.getSubFilter())) {
            return outcome.fail(SubIndication.FORMAT_FAILURE, "sub-filter is " + signature.getSubFilter()
                    + ", not ETSI.CAdES.detached");
        }
        if (byteRange.length != 4 || byteRange[0] != 0 || byteRange[2] <= byteRange[1]
                || revisionEnd(signature) > pdf.length) {
            return outcome.fail(SubIndication.FORMAT_FAILURE, "byte range " + Arrays.toString(byteRange)
                    + " does not cover a revision of this document");
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    withoutPadding(signature.getContents()));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return outcome.fail(SubIndication.FORMAT_FAILURE, "expected one signer, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(signer.getSID());
            if (holders.isEmpty()) {
                return outcome.fail(SubIndication.FORMAT_FAILURE, "the signer's certificate is not in the signature");
            }
            X509CertificateHolder holder = holders.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(holder);
            outcome.signer(certificate);
            outcome.algorithm(schemes.forKey(certificate.getPublicKey())
                    .map(SignatureScheme::signatureAlgorithm).orElse(certificate.getPublicKey().getAlgorithm()));

            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BC).build(holder))) {
                return outcome.integrityFailed(SubIndication.SIG_CRYPTO_FAILURE, "the signature value does not verify");
            }
            outcome.integrityPassed();
            if (!referencesCertificate(signer, certificate)) {
                return outcome.fail(SubIndication.FORMAT_FAILURE,
                        "signing-certificate-v2 is missing or names another certificate");
            }
            if (schemes.forKey(certificate.getPublicKey()).isEmpty()) {
                return outcome.fail(SubIndication.SIG_CONSTRAINTS_FAILURE, "a " + certificate.getPublicKey()
                        .getAlgorithm() + " key of this size is not an accepted signature scheme");
            }
            SubIndication chainFailure = checkChain(certificate, cms, now, outcome);
            if (chainFailure != null) {
                return outcome.chainFailed(chainFailure);
            }
            outcome.chainPassed();
            if (expected == null) {
                return outcome.fail(SubIndication.SIG_CONSTRAINTS_FAILURE, "no signing step expects this signature");
            }
            if (!expected.fieldName().equals(field.getPartialName())) {
                return outcome.fail(SubIndication.SIG_CONSTRAINTS_FAILURE, "signature " + revision + " should be in field "
                        + expected.fieldName());
            }
            String identity = SignerIdentity.of(certificate);
            if (!expected.identity().equals(identity)) {
                return outcome.fail(SubIndication.SIG_CONSTRAINTS_FAILURE, "signed by '" + identity
                        + "', but this step is for '" + expected.identity() + "'");
            }
            return outcome.pass();
        } catch (CMSSignerDigestMismatchException e) {
            return outcome.integrityFailed(SubIndication.HASH_FAILURE,
                    "the signed bytes differ from what the signer signed");
        } catch (CMSException | OperatorCreationException | CertificateException | IllegalArgumentException e) {
            return outcome.integrityFailed(SubIndication.SIG_CRYPTO_FAILURE, "the signature cannot be verified: "
                    + e.getMessage());
        }
    }

    private SubIndication checkChain(X509Certificate certificate, CMSSignedData cms, Instant now, Outcome outcome) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            outcome.message("the signer's certificate expired on " + certificate.getNotAfter().toInstant());
            return SubIndication.EXPIRED;
        } catch (CertificateNotYetValidException e) {
            outcome.message("the signer's certificate is valid only from " + certificate.getNotBefore().toInstant());
            return SubIndication.NOT_YET_VALID;
        }
        Set<TrustAnchor> anchors = trusted.anchors().stream()
                .map(anchor -> new TrustAnchor(anchor, null)).collect(Collectors.toSet());
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> carried = new ArrayList<>();
            for (Object holder : cms.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (CertPathBuilderException | InvalidAlgorithmParameterException e) {
            outcome.message("the signer's certificate, issued by " + certificate.getIssuerX500Principal().getName()
                    + ", does not lead to a trusted certificate authority");
            return SubIndication.NO_CERTIFICATE_CHAIN_FOUND;
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("PKIX is part of every Java runtime", e);
        }
    }

    private static boolean referencesCertificate(SignerInformation signer, X509Certificate certificate) {
        Attribute attribute = signer.getSignedAttributes() == null ? null
                : signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            SigningCertificateV2 reference = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return MessageDigest.isEqual(hash, reference.getCerts()[0].getCertHash());
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    /**
     * Each signature after the first must add exactly one incremental update, its own, to the revision signed before:
     * an unsigned change slipped in between would otherwise be covered by the next signer without being seen.
     */
    private static SignatureResult onlySignatureAdded(byte[] pdf, PDSignature previous, PDSignature current,
                                                      SignatureResult result) {
        int updates = count(pdf, EOF_MARKER, (int) revisionEnd(previous), (int) revisionEnd(current));
        if (updates == 1) {
            return result;
        }
        return new SignatureResult(result.fieldName(), result.signerName(), result.signerIdentity(),
                result.signerCertificateSubject(), result.signatureAlgorithm(), result.signingTime(), result.revision(),
                result.certificateChain(), result.integrity(), SubIndication.FORMAT_FAILURE.indication(),
                SubIndication.FORMAT_FAILURE, "revision " + result.revision() + " adds " + updates
                        + " updates to the one signed before; only its own signature may be added");
    }

    private static int count(byte[] bytes, byte[] marker, int from, int to) {
        int found = 0;
        for (int i = Math.max(0, from); i <= Math.min(bytes.length, to) - marker.length; i++) {
            if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                found++;
            }
        }
        return found;
    }

    /** /Contents is the CMS followed by the zeros left of its placeholder: read the one ASN.1 object only. */
    private static ContentInfo withoutPadding(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    private static long revisionEnd(PDSignature signature) {
        int[] byteRange = signature.getByteRange();
        return byteRange.length == 4 ? (long) byteRange[2] + byteRange[3] : Long.MAX_VALUE;
    }

    /** Collects what is known of one signature as the checks go, and ends in its result. */
    private static final class Outcome {
        private final String fieldName;
        private final PDSignature signature;
        private final int revision;
        private X509Certificate certificate;
        private String algorithm;
        private Check chain = Check.NOT_CHECKED;
        private Check integrity = Check.NOT_CHECKED;
        private String message;

        Outcome(String fieldName, PDSignature signature, int revision) {
            this.fieldName = fieldName;
            this.signature = signature;
            this.revision = revision;
        }

        void signer(X509Certificate certificate) {
            this.certificate = certificate;
        }

        void algorithm(String algorithm) {
            this.algorithm = algorithm;
        }

        void message(String message) {
            this.message = message;
        }

        void integrityPassed() {
            integrity = Check.PASSED;
        }

        void chainPassed() {
            chain = Check.PASSED;
        }

        SignatureResult integrityFailed(SubIndication why, String text) {
            integrity = Check.FAILED;
            return fail(why, text);
        }

        SignatureResult chainFailed(SubIndication why) {
            chain = Check.FAILED;
            return fail(why, message);
        }

        SignatureResult fail(SubIndication why, String text) {
            return result(why.indication(), why, text);
        }

        SignatureResult pass() {
            return result(Indication.TOTAL_PASSED, null, "valid");
        }

        private SignatureResult result(Indication indication, SubIndication why, String text) {
            Instant signingTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            return new SignatureResult(fieldName, certificate == null ? signature.getName() : SignerIdentity.nameOf(certificate),
                    certificate == null ? null : SignerIdentity.of(certificate),
                    certificate == null ? null : certificate.getSubjectX500Principal().getName(),
                    algorithm, signingTime, revision, chain, integrity, indication, why, text);
        }
    }
}

package org.dotchain.hub.signing;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a certificate names. The hub reads the signer's identity from the subject's UID attribute: a person's
 * username, or {@code supplier:<code>} for a supplier; the common name is the name shown on documents.
 */
public final class SignerIdentity {

    private SignerIdentity() {
    }

    public static String of(X509Certificate certificate) {
        return attribute(certificate, true);
    }

    public static String nameOf(X509Certificate certificate) {
        return attribute(certificate, false);
    }

    private static String attribute(X509Certificate certificate, boolean uid) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = subject.getRDNs(uid ? BCStyle.UID : BCStyle.CN);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}

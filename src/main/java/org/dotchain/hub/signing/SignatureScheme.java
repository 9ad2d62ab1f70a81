package org.dotchain.hub.signing;

import java.security.PublicKey;

/**
 * A signature algorithm the hub accepts, chosen by the signer's key. Adding one (for example DSTU 4145 with
 * GOST 34.311 through Bouncy Castle) is adding a bean; callers do not change.
 */
public interface SignatureScheme {

    boolean supports(PublicKey key);

    /** The JCA name of the signature algorithm, for example SHA256withECDSA. */
    String signatureAlgorithm();

    /** The JCA name of the digest over the signed byte range, for example SHA-256. */
    String digestAlgorithm();
}

package org.dotchain.hub.signing;

/** Why a signature did not pass, after ETSI EN 319 102-1, with the indication each leads to. */
public enum SubIndication {
    /** The signed bytes do not match the digest the signer signed. */
    HASH_FAILURE(Indication.TOTAL_FAILED),
    /** The signature value does not verify with the signer's public key. */
    SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED),
    /** The signature or the document is not as PAdES requires: byte range, sub-filter, attributes, unsigned changes. */
    FORMAT_FAILURE(Indication.TOTAL_FAILED),
    /** The signer's certificate does not lead to a certificate the hub trusts. */
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE),
    /** The signer's certificate has expired. */
    EXPIRED(Indication.INDETERMINATE),
    /** The signer's certificate is not valid yet. */
    NOT_YET_VALID(Indication.TOTAL_FAILED),
    /** The signature is valid, but not by the signer, in the field, or with an algorithm this step accepts. */
    SIG_CONSTRAINTS_FAILURE(Indication.INDETERMINATE);

    private final Indication indication;

    SubIndication(Indication indication) {
        this.indication = indication;
    }

    public Indication indication() {
        return indication;
    }
}

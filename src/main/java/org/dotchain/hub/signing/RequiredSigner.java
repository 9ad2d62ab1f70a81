package org.dotchain.hub.signing;

import java.util.Locale;

/**
 * One signer a document needs, in order.
 *
 * @param partyRole  the role the signer signs in: SUPPLIER, ORDERER, RECEIVER, UNIT_SIGNATORY, DPA_SIGNATORY
 * @param identity   who must sign: a person's username, or {@code supplier:<code>}; the UID of their certificate
 * @param signerName the name the signature block shows
 * @param partyName  the party the signer signs for: the supplier, the unit's designation, the agency
 * @param assignable whether the party may name another signer until the step is signed: the PDF's field and
 *                   signature block then name the party only, never the person
 */
public record RequiredSigner(String partyRole, String identity, String signerName, String partyName,
                             boolean assignable) {

    public RequiredSigner(String partyRole, String identity, String signerName, String partyName) {
        this(partyRole, identity, signerName, partyName, false);
    }

    /** sig1-supplier-skyforge: the step number first, so the signing order shows in the PDF's field names. */
    String fieldName(int stepNumber) {
        String who = assignable ? "" : "-" + identity.replaceFirst("^supplier:", "");
        return ("sig" + stepNumber + "-" + partyRole + who).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
    }

    /** What the signature block says under the role: the party, and the person unless another may be named. */
    String blockText() {
        return assignable ? partyName : partyName + " — " + signerName;
    }
}

package org.dotchain.hub.signing;

/** Who must have signed a given signature field. */
public record ExpectedSigner(String fieldName, String identity) {
}

package org.dotchain.hub.signing;

/** The overall result of validating a signature, after ETSI EN 319 102-1. */
public enum Indication {
    TOTAL_PASSED,
    TOTAL_FAILED,
    INDETERMINATE
}

package org.dotchain.hub.signing;

/** A signing step that may not happen now: out of turn, twice, by the wrong signer, or on a completed round. */
public class SigningRefusedException extends RuntimeException {

    public SigningRefusedException(String message) {
        super(message);
    }
}

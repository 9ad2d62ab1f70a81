package org.dotchain.hub.signing;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A signing step that may not happen now: out of turn, twice, by the wrong signer, or on a completed round. */
public class SigningRefusedException extends Refusal {

    public SigningRefusedException(String message) {
        super(HttpStatus.CONFLICT, "signing-refused", message);
    }
}

package org.dotchain.hub.signing;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A signing step that may not happen now: out of turn, twice, by the wrong signer, or on a completed round. */
public class SigningRefusedException extends Refusal {

    public SigningRefusedException(String message) {
        super(HttpStatus.CONFLICT, "signing-refused", message);
    }

    /** A refusal a page says in its reader's words: refusal.&lt;type&gt;.&lt;reason&gt; with the details. */
    public SigningRefusedException(String reason, String message, Object... details) {
        this(message);
        explain(reason, details);
    }
}

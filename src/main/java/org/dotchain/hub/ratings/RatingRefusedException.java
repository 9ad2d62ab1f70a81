package org.dotchain.hub.ratings;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A rating that may not be given: the items are not authorised for use yet, or the order rated them already. */
class RatingRefusedException extends Refusal {

    RatingRefusedException(String message) {
        super(HttpStatus.CONFLICT, "rating-refused", message);
    }

    /** A refusal a page says in its reader's words: refusal.&lt;type&gt;.&lt;reason&gt; with the details. */
    RatingRefusedException(String reason, String message, Object... details) {
        this(message);
        explain(reason, details);
    }
}

package org.dotchain.hub.access;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A step of the access procedure taken before the one it depends on. */
public class AccessProcedureException extends Refusal {

    public AccessProcedureException(String message) {
        super(HttpStatus.CONFLICT, "access-procedure", message);
    }

    /** A refusal a page says in its reader's words: refusal.&lt;type&gt;.&lt;reason&gt; with the details. */
    public AccessProcedureException(String reason, String message, Object... details) {
        this(message);
        explain(reason, details);
    }
}

package org.dotchain.hub.ordering;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

public class IllegalOrderTransitionException extends Refusal {

    public IllegalOrderTransitionException(String orderNumber, OrderStatus from, OrderStatus to) {
        super(HttpStatus.CONFLICT, "illegal-transition", "Order " + orderNumber + " cannot go from " + from + " to " + to);
    }

    public IllegalOrderTransitionException(String message) {
        super(HttpStatus.CONFLICT, "illegal-transition", message);
    }

    /** A refusal a page says in its reader's words: refusal.&lt;type&gt;.&lt;reason&gt; with the details. */
    public IllegalOrderTransitionException(String reason, String message, Object... details) {
        this(message);
        explain(reason, details);
    }
}

package org.dotchain.hub.settlement;

import org.dotchain.hub.platform.InvalidMessageException;

/** A payment confirmation whose amount is not its certificate's: refused, and raised to an operator. */
public class PaymentMismatchException extends InvalidMessageException {

    public PaymentMismatchException(String message) {
        super(message);
    }
}

package org.dotchain.hub.settlement;

/** A payment confirmation whose amount is not its certificate's: refused, and raised to an operator. */
public class PaymentMismatchException extends IllegalArgumentException {

    public PaymentMismatchException(String message) {
        super(message);
    }
}

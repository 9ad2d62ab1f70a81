package org.dotchain.hub.ordering;

public class IllegalOrderTransitionException extends RuntimeException {

    public IllegalOrderTransitionException(String orderNumber, OrderStatus from, OrderStatus to) {
        super("Order " + orderNumber + " cannot go from " + from + " to " + to);
    }

    public IllegalOrderTransitionException(String message) {
        super(message);
    }
}

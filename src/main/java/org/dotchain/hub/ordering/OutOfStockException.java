package org.dotchain.hub.ordering;

public class OutOfStockException extends RuntimeException {

    public OutOfStockException(String productCode, int requested) {
        super("Fewer than " + requested + " items of " + productCode + " are in stock");
    }
}

package org.dotchain.hub.ordering;

import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;

public class OutOfStockException extends Refusal {

    public OutOfStockException(String productCode, int requested) {
        super(HttpStatus.CONFLICT, "out-of-stock", "Fewer than " + requested + " items of " + productCode + " are in stock");
        explain(null, productCode, requested);
    }
}

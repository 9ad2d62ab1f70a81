package org.dotchain.hub.cart;

import java.util.List;
import java.util.Map;
import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A cart whose product changed price since it was put there: the orderer confirms the new price first. */
class PriceChangedException extends Refusal {

    private final List<Map<String, Object>> lines;

    PriceChangedException(List<CartLine> repriced) {
        super(HttpStatus.CONFLICT, "price-changed", "The price of " + String.join(", ", repriced.stream()
                .map(line -> line.getProduct().getCode() + " changed from " + line.getUnitPriceSeen().toPlainString()
                        + " to " + line.getProduct().getUnitPrice().toPlainString() + " UAH").toList())
                + ": confirm the new prices to check out");
        this.lines = repriced.stream().map(line -> Map.<String, Object>of("productCode", line.getProduct().getCode(),
                "previousUnitPrice", line.getUnitPriceSeen(), "unitPrice", line.getProduct().getUnitPrice()))
                .toList();
        explain(null, String.join(", ", repriced.stream().map(line -> line.getProduct().getCode()).toList()));
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("lines", lines);
        return problem;
    }
}

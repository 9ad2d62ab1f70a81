package org.dotchain.hub.suppliers;

import java.util.List;
import org.dotchain.hub.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Products whose supplier may not offer them today (see {@link SupplierOffering}): nobody can order them now. */
public class NotOfferedException extends Refusal {

    private final List<String> productCodes;

    public NotOfferedException(List<String> productCodes, String reasons) {
        super(HttpStatus.CONFLICT, "not-offered", "Not on the showcase now: " + reasons
                + "; remove " + String.join(", ", productCodes) + " to go on");
        this.productCodes = List.copyOf(productCodes);
        explain(null, String.join(", ", productCodes));
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("productCodes", productCodes);
        return problem;
    }
}

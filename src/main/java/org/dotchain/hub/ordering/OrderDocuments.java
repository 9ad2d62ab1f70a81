package org.dotchain.hub.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.documents.DocumentRequest;
import org.dotchain.hub.signing.RequiredSigner;
import org.dotchain.hub.signing.SigningService;
import org.springframework.stereotype.Component;

/** The order as a document its creator signs: the signature forms the order. */
@Component
class OrderDocuments {

    private final SigningService signing;
    private final Clock clock;

    OrderDocuments(SigningService signing, Clock clock) {
        this.signing = signing;
        this.clock = clock;
    }

    void issueForSignature(PurchaseOrder order) {
        var supplier = order.getSupplier();
        var unit = order.getUnit();
        DocumentRequest request = new DocumentRequest(Document.Kind.ORDER, order.getOrderNumber(),
                LocalDate.now(clock), unit.getDesignation(), supplier.getName(), supplier.getRegistrationCode(),
                order.getLines().stream().map(line -> new DocumentRequest.Line(line.getProductName(),
                        line.getProductCode(), line.getQuantity(), line.getUnitPrice(), null)).toList(),
                order.getRequiredBy() == null ? null : "Pre-order, required by " + order.getRequiredBy(),
                order.getPromisedBy(), List.of());
        RequiredSigner creator = new RequiredSigner("ORDERER", order.getCreatedBy().getUsername(),
                order.getCreatedBy().getFullName(), unit.getDesignation());
        order.attachDocument(signing.issue(request, List.of(creator), unit.getId(), supplier.getId())
                .getDocument().getId());
    }
}

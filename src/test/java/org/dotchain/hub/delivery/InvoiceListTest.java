package org.dotchain.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The expenditure invoices section: each invoice with its status, items, document and signature, paged, filtered
 * by status and sorted by the documented fields only; the unit's people see their unit's, the supplier's people
 * theirs, the DPA all.
 */
@HubIntegrationTest
class InvoiceListTest {

    @Autowired
    OrderPlacement placement;
    @Autowired
    Deliveries deliveries;
    @Autowired
    ApiClient api;

    @Test
    void eachSideSeesItsInvoicesWithTheirItemsAndSignature() {
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV10", 2)).getOrderNumber();
        placement.form(orderNumber);
        ApiClient.As receiver = api.as("orderer.a2002");
        JsonNode receipt = deliveries.shipAndReceive(orderNumber, "skyforge", 2, receiver);
        String invoiceNumber = receipt.at("/invoice/invoiceNumber").asText();
        String despatchNumber = receipt.at("/invoice/despatchNumber").asText();

        JsonNode awaiting = receiver.get("/api/invoices?status=AWAITING_SIGNATURE&size=50").getBody();
        JsonNode invoice = find(awaiting, invoiceNumber);
        assertThat(invoice.path("orderNumber").asText()).isEqualTo(orderNumber);
        assertThat(invoice.path("despatchNumber").asText()).isEqualTo(despatchNumber).startsWith("D-");
        assertThat(invoice.at("/lines/0/productCode").asText()).isEqualTo("SKF-FPV10");
        assertThat(invoice.at("/lines/0/quantity").asInt()).isEqualTo(2);
        assertThat(invoice.path("signature").isNull()).as("not signed yet").isTrue();
        assertThat(invoice.path("document").asText()).isEqualTo("/api/documents/" + invoice.path("documentId").asLong());

        receiver.post("/api/documents/" + invoice.path("documentId").asLong() + "/development-signatures", null);
        JsonNode signed = find(receiver.get("/api/invoices?status=SIGNED&size=50&sort=signedAt,desc").getBody(),
                invoiceNumber);
        assertThat(signed.path("signature").isNull()).isFalse();

        assertThat(find(api.as("skyforge.agent").get("/api/invoices?size=50").getBody(), invoiceNumber))
                .as("the supplier's").isNotNull();
        assertThat(find(api.as("dpa.admin").get("/api/invoices?size=50").getBody(), invoiceNumber))
                .as("the DPA's").isNotNull();
        assertThat(api.as("orderer.a1001").get("/api/invoices?size=200").getBody().findValuesAsText("invoiceNumber"))
                .as("another unit's").doesNotContain(invoiceNumber);
        assertThat(api.as("viriy.agent").get("/api/invoices?size=200").getBody().findValuesAsText("invoiceNumber"))
                .as("another supplier's").doesNotContain(invoiceNumber);
        assertThat(awaiting.at("/page/size").asInt()).isEqualTo(50);
    }

    @Test
    void aListIsSortedOnlyByItsDocumentedFields() {
        assertProblem(api.as("dpa.admin").get("/api/invoices?sort=order.unit.code"), HttpStatus.BAD_REQUEST,
                "sorted by");
    }

    private static JsonNode find(JsonNode page, String invoiceNumber) {
        for (JsonNode invoice : page.path("content")) {
            if (invoice.path("invoiceNumber").asText().equals(invoiceNumber)) {
                return invoice;
            }
        }
        return null;
    }
}

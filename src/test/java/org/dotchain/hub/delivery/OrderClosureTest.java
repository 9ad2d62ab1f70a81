package org.dotchain.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.SupplierOrderResponses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order whose refused or missing items will not come is closed short by the unit's orderer or by the DPA: the
 * money of those items goes back to available, the supplier is told, and the order ends with what was delivered.
 */
@HubIntegrationTest
class OrderClosureTest {

    @Autowired
    ApiClient api;
    @Autowired
    OrderPlacement placement;
    @Autowired
    SupplierOrderResponses responses;
    @Autowired
    Despatches despatches;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void whatWillNotComeIsWithdrawnAndItsMoneyGoesBack() throws Exception {
        ApiClient.As unit = api.as("orderer.a2002");
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV7", 3)).getOrderNumber();
        placement.form(orderNumber);
        responses.respond(orderNumber, "skyforge", "AP", null);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> serials = List.of("SN-" + batch + "-1", "SN-" + batch + "-2");
        despatches.record(orderNumber, "skyforge", "D-" + batch, clock.instant(),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(2),
                List.of(new Despatches.DespatchedLine(1, 2, serials)));
        String closure = "/api/orders/" + orderNumber + "/closure";
        Map<String, String> reason = Map.of("reason", "The supplier cannot replace the refused drone this year");

        assertProblem(unit.post(closure, reason), HttpStatus.CONFLICT, "2 items of order " + orderNumber
                + " are on their way");
        unit.post("/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber", "D-" + batch,
                "received", List.of(serials.get(0)), "refused", List.of(Map.of("serialNumber", serials.get(1),
                        "reason", "Cracked frame"))));
        assertThat(status(orderNumber)).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(unit.post(closure, Map.of()).getBody().path("field").asText()).isEqualTo("reason");
        assertProblem(api.as("orderer.a1001").post(closure, reason), HttpStatus.NOT_FOUND, "No order " + orderNumber);
        assertThat(api.as("signatory.a2002").post(closure, reason).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        BigDecimal committed = unit.get("/api/budget").getBody().path("committed").decimalValue();

        JsonNode closed = unit.post(closure, reason).getBody();
        assertThat(closed.path("status").asText()).as("%s", closed).isEqualTo("DELIVERED");
        assertThat(closed.path("returned").decimalValue()).isEqualByComparingTo("29000.00");
        assertThat(closed.at("/lines/0/delivered").asInt()).isEqualTo(1);
        assertThat(closed.at("/lines/0/withdrawn").asInt()).isEqualTo(2);
        assertThat(unit.get("/api/budget").getBody().path("committed").decimalValue())
                .isEqualByComparingTo(committed.subtract(new BigDecimal("29000.00")));
        String message = db.queryForObject("select payload from outbox_message where correlation_id = ? and "
                + "message_type = 'ORDER_CLOSURE'", String.class, orderNumber);
        producer.requestBody("json-validator:connectors/contracts/order-closure-v1.schema.json", message);
        assertThat(json.readTree(message).path("reason").asText()).startsWith("The supplier cannot replace");
        assertProblem(unit.post(closure, reason), HttpStatus.CONFLICT, "is DELIVERED");
        assertThat(db.queryForList("select action from audit_entry where subject_id = ?", String.class, orderNumber))
                .contains("ORDER_CLOSED_SHORT");
        assertBalanced(db);
    }

    @Test
    void theDpaClosesAnOrderNothingOfWhichCameAndItEnds() {
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("SKF-FPV10", 2)).getOrderNumber();
        placement.form(orderNumber);
        responses.respond(orderNumber, "skyforge", "AP", null);

        JsonNode closed = api.as("dpa.admin").post("/api/orders/" + orderNumber + "/closure",
                Map.of("reason", "The supplier's plant was destroyed")).getBody();

        assertThat(closed.path("returned").decimalValue()).as("%s", closed).isEqualByComparingTo("43600.00");
        assertThat(status(orderNumber)).as("nothing left to pay").isEqualTo("COMPLETED");
        assertThat(db.queryForObject("select closed_short_reason from purchase_order where order_number = ?",
                String.class, orderNumber)).isEqualTo("The supplier's plant was destroyed");
        assertBalanced(db);
    }

    private String status(String orderNumber) {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class,
                orderNumber);
    }
}

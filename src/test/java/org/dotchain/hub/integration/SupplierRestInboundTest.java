package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dotchain.hub.ApiAssertions.assertProblem;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/** A supplier's system posts its messages over REST, each request signed with the supplier's own key. */
@HubIntegrationTest
class SupplierRestInboundTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PartnerKeys keys;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;
    @Autowired
    SupplierConnections connections;

    String orderNumber;

    @BeforeEach
    void aFormedSteppeOrder() {
        PurchaseOrder order = placement.placeInStockOrder("A2002", Map.of("STP-DROP", 1));
        placement.form(order.getOrderNumber());
        orderNumber = order.getOrderNumber();
    }

    @Test
    void aSignedOrderResponseMovesTheOrderOnceHoweverOftenItIsSent() {
        String messageId = "msg-" + UUID.randomUUID();
        String body = orderResponse(messageId, orderNumber, "AB");

        ResponseEntity<JsonNode> first = post("steppe", body, sign("steppe", body));
        ResponseEntity<JsonNode> again = post("steppe", body, sign("steppe", body));

        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(first.getBody().get("messageId").asText()).isEqualTo(messageId);
        assertThat(first.getBody().get("status").asText()).isEqualTo("accepted");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody().get("status").asText()).as("applied before: nothing changes").isEqualTo("duplicate");
        assertThat(status(orderNumber)).isEqualTo("TRANSFERRED");
        assertThat(db.queryForObject("select count(*) from order_status_change c join purchase_order o on o.id = "
                + "c.order_id where o.order_number = ? and c.to_status = 'TRANSFERRED'", Integer.class, orderNumber))
                .isEqualTo(1);
    }

    @Test
    void aMessageIdHasOneEffectOverBothOfTheSuppliersTransports() {
        String messageId = "msg-" + UUID.randomUUID();
        String body = orderResponse(messageId, orderNumber, "AB");

        assertThat(post("steppe", body, sign("steppe", body)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        new JmsTemplate(connections.as("steppe")).send("supplier.steppe.inbound", session -> session.createTextMessage(body));
        String later = orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AP");
        new JmsTemplate(connections.as("steppe")).send("supplier.steppe.inbound", session -> session.createTextMessage(later));

        await().atMost(Duration.ofSeconds(10)).until(() -> status(orderNumber).equals("ACCEPTED_BY_SUPPLIER"));
        assertThat(db.queryForObject("select count(*) from order_status_change c join purchase_order o on o.id = "
                + "c.order_id where o.order_number = ? and c.to_status = 'TRANSFERRED'", Integer.class, orderNumber))
                .isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from camel_messageprocessed where message_id = ?", Integer.class,
                "steppe:" + messageId)).isEqualTo(1);
    }

    /** A partner's message follows its contract, where a text may break lines: the API's one-line rule is not its. */
    @Test
    void aRejectionsReasonMayTakeSeveralLines() {
        String body = "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"msg-"
                + UUID.randomUUID() + "\",\"orderNumber\":\"" + orderNumber + "\",\"responseCode\":\"RE\","
                + "\"reason\":\"No capacity this month.\\r\\nAsk again in January.\"}";

        ResponseEntity<JsonNode> answer = post("steppe", body, sign("steppe", body));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(status(orderNumber)).isEqualTo("REJECTED_BY_SUPPLIER");
    }

    @Test
    void aRejectionReturnsTheCommittedMoneyToTheUnit() {
        String body = orderResponse("msg-" + UUID.randomUUID(), orderNumber, "RE");

        assertThat(post("steppe", body, sign("steppe", body)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertThat(status(orderNumber)).isEqualTo("REJECTED_BY_SUPPLIER");
        assertThat(db.queryForObject("select e.amount from budget_entry e join purchase_order o on o.id = e.order_id "
                + "where o.order_number = ? and e.kind = 'RETURNED'", java.math.BigDecimal.class, orderNumber))
                .isEqualByComparingTo("88000.00");
        assertBalanced(db);
    }

    @Test
    void aForgedOrUnsignedRequestIsRefusedAndChangesNothing() {
        String body = orderResponse("msg-" + UUID.randomUUID(), orderNumber, "RE");
        HttpHeaders forged = sign("steppe", body);
        forged.set(RequestSignatures.SIGNATURE, Base64.getEncoder().encodeToString(
                RequestSignatures.sign(new byte[32], forged.getFirst(RequestSignatures.TIMESTAMP), body)));
        HttpHeaders stale = new HttpHeaders();
        String old = Long.toString(clock.instant().getEpochSecond() - 3600);
        stale.set(RequestSignatures.TIMESTAMP, old);
        stale.set(RequestSignatures.SIGNATURE, Base64.getEncoder().encodeToString(
                RequestSignatures.sign(keys.keyOf("steppe").orElseThrow(), old, body)));

        assertProblem(post("steppe", body, forged), HttpStatus.UNAUTHORIZED, "does not match");
        assertProblem(post("steppe", body, new HttpHeaders()), HttpStatus.UNAUTHORIZED, "not signed");
        assertProblem(post("steppe", body, stale), HttpStatus.UNAUTHORIZED, "more than 5 minutes");
        assertProblem(post("steppe", body, sign("skyforge", body)), HttpStatus.UNAUTHORIZED, "does not match");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void anotherSuppliersOrderIsNotFound() {
        PurchaseOrder skyforge = placement.placeInStockOrder("A2002", Map.of("SKF-FPV10", 1));
        placement.form(skyforge.getOrderNumber());
        String body = orderResponse("msg-" + UUID.randomUUID(), skyforge.getOrderNumber(), "RE");

        assertProblem(post("steppe", body, sign("steppe", body)), HttpStatus.NOT_FOUND,
                "No order " + skyforge.getOrderNumber() + " of supplier steppe");
        assertThat(status(skyforge.getOrderNumber())).isEqualTo("FORMED");
    }

    @Test
    void anUnknownSupplierIsRefusedLikeABadSignature() {
        String body = orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AB");

        assertProblem(post("nobody", body, sign("steppe", body)), HttpStatus.UNAUTHORIZED,
                "not signed by a supplier of the hub");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void aMessageBreakingItsContractIs422() {
        String body = "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"msg-"
                + UUID.randomUUID() + "\",\"orderNumber\":\"" + orderNumber + "\"}";

        assertProblem(post("steppe", body, sign("steppe", body)), HttpStatus.UNPROCESSABLE_ENTITY, "responseCode");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void aRejectionWithoutItsReasonIs422AndChangesNothing() {
        for (String body : List.of(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "RE")
                        .replace(",\"reason\":\"no capacity\"", ""),
                orderResponse("msg-" + UUID.randomUUID(), orderNumber, "RE").replace("no capacity", ""))) {
            assertProblem(post("steppe", body, sign("steppe", body)), HttpStatus.UNPROCESSABLE_ENTITY, "reason");
        }
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void aMessageSentAsAFormIsReadAsItsBytesNotTakenApartAsAForm() {
        String body = orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AB") + "&x=1";
        HttpHeaders headers = sign("steppe", body);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> answer = http.postForEntity("/api/suppliers/steppe/messages",
                new HttpEntity<>(body, headers), String.class);

        assertThat(answer.getStatusCode().is4xxClientError()).as("%s %s", answer.getStatusCode(), answer.getBody())
                .isTrue();
        assertThat(answer.getBody()).as("the signature was checked over the bytes sent")
                .doesNotContain("not signed").doesNotContain("does not match").doesNotContain("Exception");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    private ResponseEntity<JsonNode> post(String supplier, String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/suppliers/" + supplier + "/messages", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private HttpHeaders sign(String supplier, String body) {
        return connections.signed(supplier, body);
    }

    private static String orderResponse(String messageId, String orderNumber, String code) {
        return "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"" + messageId
                + "\",\"orderNumber\":\"" + orderNumber + "\",\"responseCode\":\"" + code + "\""
                + (code.equals("RE") ? ",\"reason\":\"no capacity\"" : "") + "}";
    }

    private String status(String number) {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class, number);
    }
}

package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supplier's system sends its messages over SOAP, to the service of the contract's WSDL, each request signed with
 * the supplier's own key. Requests are sent as raw envelopes, so the tests control every byte.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SupplierSoapInboundTest {

    static final String NS = "https://dotchain.org/contracts/supplier-messages/v1";

    @Autowired
    TestRestTemplate http;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SupplierConnections connections;
    @Autowired
    Flyway flyway;
    @Autowired
    Bus bus;

    String orderNumber;

    @BeforeEach
    void aFormedViriyOrder() {
        PurchaseOrder order = placement.placeInStockOrder("A1001", Map.of("VRY-SCOUT", 1));
        placement.form(order.getOrderNumber());
        orderNumber = order.getOrderNumber();
    }

    @Test
    void aSignedOrderResponseIsAcknowledgedAndMovesTheOrderOnceHoweverOftenItIsSent() {
        String messageId = "msg-" + UUID.randomUUID();
        String envelope = envelope(orderResponse(messageId, orderNumber, "AB"));

        ResponseEntity<String> first = post(envelope, sign("viriy", envelope));
        ResponseEntity<String> again = post(envelope, sign("viriy", envelope));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).contains("acknowledgement").contains(messageId).contains("accepted");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).contains("<status>duplicate</status>");
        assertThat(status(orderNumber)).isEqualTo("TRANSFERRED");
        assertThat(db.queryForObject("select count(*) from order_status_change c join purchase_order o on o.id = "
                + "c.order_id where o.order_number = ? and c.to_status = 'TRANSFERRED'", Integer.class, orderNumber))
                .isEqualTo(1);
    }

    /**
     * The route took the message and applied it, and its transaction then fails to commit (a deferred check of the
     * database's, here one the test adds): the hub's failure, not the message's. The supplier hears a server fault
     * that asks for the message again, nothing of what failed; the order is as it was, and the message sent again
     * once the hub can take it is applied.
     */
    @Test
    void aFailureAtCommitIsAServerFaultThatAsksForTheMessageAgainAndChangesNothing() {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AB"));
        JdbcTemplate owner = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        owner.execute("create function reject_for_test() returns trigger language plpgsql as "
                + "$$ begin raise exception 'rejected by the test'; end $$");
        owner.execute("create constraint trigger reject_for_test after insert on order_status_change "
                + "deferrable initially deferred for each row execute function reject_for_test()");
        ResponseEntity<String> refused;
        try {
            refused = post(envelope, sign("viriy", envelope));
        } finally {
            owner.execute("drop trigger reject_for_test on order_status_change");
            owner.execute("drop function reject_for_test()");
        }

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(refused.getBody()).contains("faultcode>soap:Server<").contains("<type>unavailable</type>")
                .doesNotContain("rejected by the test", "Exception", "SQL", "order_status_change");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
        ResponseEntity<String> again = post(envelope, sign("viriy", envelope));
        assertThat(again.getBody()).contains("<status>accepted</status>");
        assertThat(status(orderNumber)).isEqualTo("TRANSFERRED");
    }

    /**
     * The route took the message, its transaction committed, and then its answer fails to be written (here an
     * interceptor the test adds breaks it): the supplier hears that the message was taken, and the same message again
     * is acknowledged as a duplicate, without a second effect.
     */
    @Test
    void aFailureOfTheAnswerAfterCommitSaysTheMessageWasTaken() {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AB"));
        Endpoint viriy = bus.getExtension(ServerRegistry.class).getServers().stream()
                .map(Server::getEndpoint)
                .filter(endpoint -> endpoint.getEndpointInfo().getAddress().endsWith("/suppliers/viriy"))
                .findFirst().orElseThrow();
        AbstractPhaseInterceptor<Message> breaksTheAnswer = new AbstractPhaseInterceptor<>(Phase.MARSHAL) {
            @Override
            public void handleMessage(Message message) {
                throw new Fault(new IllegalStateException("the answer broke in the test"));
            }
        };
        viriy.getOutInterceptors().add(breaksTheAnswer);
        ResponseEntity<String> refused;
        try {
            refused = post(envelope, sign("viriy", envelope));
        } finally {
            viriy.getOutInterceptors().remove(breaksTheAnswer);
        }

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(refused.getBody()).contains("faultcode>soap:Server<").contains("<type>answer-failed</type>")
                .doesNotContain("the answer broke", "Exception");
        assertThat(status(orderNumber)).isEqualTo("TRANSFERRED");
        ResponseEntity<String> again = post(envelope, sign("viriy", envelope));
        assertThat(again.getBody()).contains("<status>duplicate</status>");
    }

    @Test
    void aDespatchAdviceUpdatesTheOrderLines() {
        String accepted = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AP"));
        assertThat(post(accepted, sign("viriy", accepted)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String despatch = envelope("<despatchAdvice xmlns=\"" + NS + "\"><messageId>msg-" + UUID.randomUUID()
                + "</messageId><orderNumber>" + orderNumber + "</orderNumber><despatchNumber>VRY-D-1</despatchNumber>"
                + "<despatchedAt>2026-11-25T09:30:00Z</despatchedAt><expectedArrival>2026-12-01</expectedArrival>"
                + "<line><lineNumber>1</lineNumber><quantity>1</quantity><serialNumber>VRY-SN-0001</serialNumber>"
                + "</line></despatchAdvice>");

        ResponseEntity<String> answer = post(despatch, sign("viriy", despatch));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(status(orderNumber)).isEqualTo("SHIPPED");
    }

    @Test
    void aDespatchNumberOrSerialNumberUsedBeforeGetsAFaultInWordsNotTheDatabases() {
        String first = despatch("msg-" + UUID.randomUUID(), "VRY-D-7", "VRY-SN-0007");
        assertThat(post(first, sign("viriy", first)).getStatusCode()).isEqualTo(HttpStatus.OK);

        String sameNumber = despatch("msg-" + UUID.randomUUID(), "VRY-D-7", "VRY-SN-0008");
        ResponseEntity<String> repeated = post(sameNumber, sign("viriy", sameNumber));
        String sameSerial = despatch("msg-" + UUID.randomUUID(), "VRY-D-8", "VRY-SN-0007");
        ResponseEntity<String> reshipped = post(sameSerial, sign("viriy", sameSerial));

        assertRefused(repeated, "invalid-message", "Despatch VRY-D-7 of order " + orderNumber + " was advised before");
        assertRefused(reshipped, "invalid-message", "Serial number VRY-SN-0007 of line 1 was shipped before");
        for (ResponseEntity<String> answer : java.util.List.of(repeated, reshipped)) {
            assertThat(answer.getBody()).doesNotContainIgnoringCase("constraint").doesNotContainIgnoringCase("sql")
                    .doesNotContainIgnoringCase("insert").doesNotContain("Exception").doesNotContain("ID-");
        }
        assertThat(db.queryForObject("select count(*) from shipment s join purchase_order o on o.id = s.order_id "
                + "where o.order_number = ?", Integer.class, orderNumber)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsOneLogLineNotAStackTrace(CapturedOutput log) {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "XX"));
        int before = log.getAll().length();

        assertRefused(post(envelope, new HttpHeaders()), "unauthenticated-supplier", "not signed");
        assertRefused(post(envelope, sign("viriy", envelope)), "invalid-message", "XX");

        String written = log.getAll().substring(before);
        assertThat(written).as(written).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(written.lines().filter(line -> line.contains("not signed"))).as(written).hasSize(1);
        assertThat(written.lines().filter(line -> line.contains("XX"))).as(written).hasSize(1);
    }

    @Test
    void aForgedOrUnsignedRequestGetsAFaultAndChangesNothing() {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AP"));
        HttpHeaders forged = sign("viriy", envelope);
        forged.set(RequestSignatures.SIGNATURE, Base64.getEncoder().encodeToString(
                RequestSignatures.sign(new byte[32], forged.getFirst(RequestSignatures.TIMESTAMP), envelope)));

        assertRefused(post(envelope, forged), "unauthenticated-supplier", "does not match");
        assertRefused(post(envelope, new HttpHeaders()), "unauthenticated-supplier", "not signed");
        assertRefused(post(envelope, sign("skyforge", envelope)), "unauthenticated-supplier", "does not match");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void anotherSuppliersOrderGetsAFault() {
        PurchaseOrder skyforge = placement.placeInStockOrder("A1001", Map.of("SKF-FPV10", 1));
        placement.form(skyforge.getOrderNumber());
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), skyforge.getOrderNumber(), "RE"));

        assertRefused(post(envelope, sign("viriy", envelope)), "not-found",
                "No order " + skyforge.getOrderNumber() + " of supplier viriy");
        assertThat(status(skyforge.getOrderNumber())).isEqualTo("FORMED");
    }

    @Test
    void aMessageBreakingTheSchemaGetsAFault() {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "XX"));

        ResponseEntity<String> answer = post(envelope, sign("viriy", envelope));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).contains("Fault").contains("XX");
        assertRefused(answer, "invalid-message", "XX");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void aRejectionWithoutItsReasonGetsAFault() {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "RE")
                .replace("<reason>no capacity</reason>", ""));

        assertRefused(post(envelope, sign("viriy", envelope)), "invalid-message", "reason");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void anExternalEntityIsNeverResolved() {
        String envelope = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AP")
                        .replace("</orderNumber>", "</orderNumber><reason>&xxe;</reason>"));

        ResponseEntity<String> answer = post(envelope, sign("viriy", envelope));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).contains("Fault").contains("DTD").doesNotContain("&xxe;");
        assertRefused(answer, "invalid-message", "DTD");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void aBillionLaughsIsRefusedWithoutExpandingIt() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String envelope = "<?xml version=\"1.0\"?><!DOCTYPE r [" + entities + "]>"
                + envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AP")
                        .replace("</orderNumber>", "</orderNumber><reason>&lol9;</reason>"));

        ResponseEntity<String> answer = post(envelope, sign("viriy", envelope));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).contains("Fault").contains("DTD").doesNotContain("lollollol");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedBeforeParsing() {
        String envelope = envelope(orderResponse("msg-" + UUID.randomUUID(), orderNumber, "AP"))
                .replace("<soap:Body>", "<soap:Body><!--" + "x".repeat(PartnerGate.MAX_MESSAGE_BYTES) + "-->");

        assertRefused(post(envelope, sign("viriy", envelope)), "invalid-message", "larger than");
        assertThat(status(orderNumber)).isEqualTo("FORMED");
    }

    @Test
    void theServicePublishesItsWsdl() {
        ResponseEntity<String> wsdl = http.getForEntity("/services/suppliers/viriy?wsdl", String.class);

        assertThat(wsdl.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(wsdl.getBody()).contains("submitDespatchAdvice");
        assertThat(wsdl.getBody().indexOf("wsdl:service name=\"SupplierMessagesService\""))
                .as("a client that binds to the first service gets the one a supplier calls").isNotNegative()
                .isLessThan(wsdl.getBody().indexOf("wsdl:service name=\"HubOrdersService\""));
    }

    private static void assertRefused(ResponseEntity<String> answer, String type, String reason) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).contains("faultcode>soap:Client<").contains("<type>" + type + "</type>")
                .contains(reason);
    }

    private ResponseEntity<String> post(String envelope, HttpHeaders headers) {
        headers.setContentType(MediaType.TEXT_XML);
        headers.set("SOAPAction", "\"\"");
        return http.postForEntity("/services/suppliers/viriy", new HttpEntity<>(envelope, headers), String.class);
    }

    private HttpHeaders sign(String supplier, String body) {
        return connections.signed(supplier, body);
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    private String despatch(String messageId, String despatchNumber, String serialNumber) {
        return envelope("<despatchAdvice xmlns=\"" + NS + "\"><messageId>" + messageId + "</messageId><orderNumber>"
                + orderNumber + "</orderNumber><despatchNumber>" + despatchNumber + "</despatchNumber>"
                + "<despatchedAt>2026-11-25T09:30:00Z</despatchedAt><expectedArrival>2026-12-01</expectedArrival>"
                + "<line><lineNumber>1</lineNumber><quantity>1</quantity><serialNumber>" + serialNumber
                + "</serialNumber></line></despatchAdvice>");
    }

    private static String orderResponse(String messageId, String orderNumber, String code) {
        return "<orderResponse xmlns=\"" + NS + "\"><messageId>" + messageId + "</messageId><orderNumber>"
                + orderNumber + "</orderNumber><responseCode>" + code + "</responseCode>"
                + (code.equals("RE") ? "<reason>no capacity</reason>" : "") + "</orderResponse>";
    }

    private String status(String number) {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class, number);
    }
}

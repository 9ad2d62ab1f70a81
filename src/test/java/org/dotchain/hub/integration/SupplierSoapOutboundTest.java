package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.catalog.CatalogOffers;
import org.dotchain.hub.delivery.OrderClosure;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.SupplierOrderResponses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order to a SOAP supplier goes out as the contract says and nothing more: the contract's XML message with the
 * outbox's message id, signed over the bytes sent, over plain HTTP/1.1, with the contract's hubCorrelationId and no
 * other header of the hub's own.
 */
@HubIntegrationTest
class SupplierSoapOutboundTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("<(?:\\w+:)?messageId>([^<]+)</");

    @Autowired
    OrderPlacement placement;
    @Autowired
    PartnerKeys keys;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CatalogOffers offers;
    @Autowired
    SupplierOrderResponses responses;
    @Autowired
    OrderClosure closure;

    HttpServer viriy;
    final List<Map.Entry<Headers, String>> received = new CopyOnWriteArrayList<>();

    /** Viriy's HubOrders service, as far as this test needs it: it keeps what it receives and acknowledges it. */
    @BeforeEach
    void viriysService() throws IOException {
        viriy = HttpServer.create(new InetSocketAddress("127.0.0.1", 38091), 0);
        viriy.createContext("/services/viriy/hub/orders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.entry(exchange.getRequestHeaders(), body));
            Matcher id = MESSAGE_ID.matcher(body);
            byte[] answer = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<m:acknowledgement xmlns:m=\"" + SoapMessages.NAMESPACE + "\"><m:messageId>"
                    + (id.find() ? id.group(1) : "unknown") + "</m:messageId><m:status>accepted</m:status>"
                    + "</m:acknowledgement></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        viriy.start();
    }

    @AfterEach
    void stop() {
        viriy.stop(0);
    }

    @Test
    void anOrderCarriesTheContractsMessageSignedAndNoHeaderOfTheHubs() {
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("VRY-SCOUT", 1)).getOrderNumber();
        placement.form(orderNumber);
        String messageId = db.queryForObject("select message_id::text from outbox_message where correlation_id = ? "
                + "and message_type = 'ORDER'", String.class, orderNumber);

        Map.Entry<Headers, String> order = await().atMost(Duration.ofSeconds(15)).until(() -> received.stream()
                .filter(request -> request.getValue().contains(orderNumber)).findFirst().orElse(null),
                request -> request != null);

        Headers headers = order.getKey();
        Matcher sentId = MESSAGE_ID.matcher(order.getValue());
        assertThat(sentId.find()).as(order.getValue()).isTrue();
        assertThat(sentId.group(1)).as("the outbox's message id").isEqualTo(messageId);
        assertThat(headers.getFirst("SOAPAction")).contains("receiveOrder");
        assertThat(headers.getFirst("hubCorrelationId")).as("the contract's correlation header").isEqualTo(orderNumber);
        assertThat(headers.keySet()).as("no other header of the hub's, no protocol upgrade")
                .noneMatch(name -> name.toLowerCase().startsWith("hub") && !name.equalsIgnoreCase("hubCorrelationId")
                        || name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("HTTP2-Settings"));
        assertThat(headers.getFirst(RequestSignatures.SIGNATURE)).isEqualTo(Base64.getEncoder().encodeToString(
                RequestSignatures.sign(keys.keyOf("viriy").orElseThrow(), headers.getFirst(RequestSignatures.TIMESTAMP),
                        order.getValue())));
    }

    @Test
    void anAnswerToAnOfferAndAClosureGoOutAsTheirContractsXml() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        CatalogOffers.OfferView offer = offers.receive("viriy", new CatalogOffers.Offer("VRY-OFFER-" + suffix,
                "VRY-SCOUT", null, null, null, new BigDecimal("99000.00"), null, null));
        offers.reject("dpa.admin", offer.id(), "Above the price the DPA expects");
        String orderNumber = placement.placeInStockOrder("A2002", Map.of("VRY-SCOUT", 1)).getOrderNumber();
        placement.form(orderNumber);
        responses.respond(orderNumber, "viriy", "AP", null);
        closure.closeShort(orderNumber, "Not needed any more", new HubUser(null, "dpa.admin", "DPA", null, null,
                null, Set.of(Role.DPA_ADMIN)));

        Map.Entry<Headers, String> answer = awaitRequest("VRY-OFFER-" + suffix);
        assertThat(answer.getKey().getFirst("SOAPAction")).contains("receiveCatalogOfferAnswer");
        assertThat(answer.getValue()).contains("catalogOfferAnswer").contains(">REJECTED<")
                .contains("Above the price the DPA expects");
        Map.Entry<Headers, String> closed = awaitRequest(orderNumber + "<");
        assertThat(closed.getKey().getFirst("SOAPAction")).contains("receiveOrderClosure");
        assertThat(closed.getValue()).contains("orderClosure").contains(">1</").contains("Not needed any more");
    }

    private Map.Entry<Headers, String> awaitRequest(String containing) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> received.stream()
                        .filter(request -> request.getValue().contains(containing)
                                && !request.getKey().getFirst("SOAPAction").contains("receiveOrder\""))
                        .reduce((first, last) -> last).orElse(null),
                request -> request != null);
    }
}

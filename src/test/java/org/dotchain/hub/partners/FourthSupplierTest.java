package org.dotchain.hub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.catalog.CatalogOffer;
import org.dotchain.hub.catalog.CatalogOffers;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.suppliers.FrameworkAgreement;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierAgreements;
import org.dotchain.hub.suppliers.SupplierOffering;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A supplier is added by adding its connector file and nothing else: a hub started on a connectors folder with a
 * fourth supplier's file (and without Viriy's) registers it, carries an order to it and its answer back over JMS;
 * Viriy, whose file is gone, is deactivated, its row kept.
 */
@HubIntegrationTest
class FourthSupplierTest {

    static final String KESTREL = """
            # Kestrel Systems LLC: its system speaks JMS to the hub's broker, as its own broker user.
            - beans:
                - name: partner-kestrel
                  type: org.dotchain.hub.partners.Partner
                  properties:
                    code: kestrel
                    name: Kestrel Systems LLC
                    registrationCode: "44567890"
                    kind: SUPPLIER
                    secrets: hub.suppliers.kestrel
            - templatedRoute:
                routeTemplateRef: jms-inbound
                routeId: kestrel-jms-inbound
                parameters:
                  - name: partner
                    value: kestrel
                  - name: queue
                    value: supplier.kestrel.inbound
            """;

    @DynamicPropertySource
    static void connectorsWithAFourthSupplier(DynamicPropertyRegistry settings) throws IOException {
        Path folder = Files.createTempDirectory("connectors");
        for (String kept : new String[] {"skyforge", "steppe", "dpa-finance"}) {
            copy("connectors/" + kept + ".camel.yaml", folder.resolve(kept + ".camel.yaml"));
        }
        Files.writeString(folder.resolve("kestrel.camel.yaml"), KESTREL);
        settings.add("camel.main.routes-include-pattern",
                () -> "classpath:routes/*.camel.yaml,file:" + folder.toAbsolutePath() + "/*.camel.yaml");
    }

    @Autowired
    JdbcTemplate db;
    @Autowired
    OrderPlacement placement;
    @Autowired
    SupplierConnections connections;
    @Autowired
    SupplierAgreements agreements;
    @Autowired
    SupplierOffering offering;
    @Autowired
    SupplierRepository suppliers;
    @Autowired
    CatalogOffers offers;
    @Autowired
    Clock clock;

    @Test
    void anOrderGoesToTheSupplierOfTheNewFileAndItsAnswerComesBack() throws Exception {
        assertThat(db.queryForMap("select name, registration_code, connector_ref, active from supplier where code = ?",
                "kestrel")).containsEntry("name", "Kestrel Systems LLC").containsEntry("registration_code", "44567890")
                .containsEntry("connector_ref", "connectors/kestrel.camel.yaml").containsEntry("active", true);
        String agreement = "FA-KST-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        agreements.record("dpa.admin", "kestrel", new SupplierAgreements.NewAgreement(agreement, today, today,
                today.plusYears(1), List.of(new FrameworkAgreement.Item("RECON", new BigDecimal("100000.00")))));
        JmsTemplate kestrel = new JmsTemplate(connections.as("kestrel"));
        kestrel.setReceiveTimeout(10_000);
        kestrel.send("supplier.kestrel.inbound", session -> session.createTextMessage("{\"contractVersion\":\"1.0\","
                + "\"messageType\":\"CATALOG_OFFER\",\"messageId\":\"msg-" + UUID.randomUUID() + "\",\"offerNumber\":"
                + "\"KST-OFFER-" + UUID.randomUUID() + "\",\"productCode\":\"KST-HEX4\",\"name\":\"Kestrel HEX-4\","
                + "\"productType\":\"RECON\","
                + "\"description\":\"A hexacopter\",\"unitPrice\":\"90000.00\",\"leadTimeDays\":20,\"specifications\":"
                + "{\"frequencyBands\":[\"2.4 GHz\"],\"camera\":\"4K\",\"rangeKm\":8,\"flightTimeMin\":35,"
                + "\"payloadKg\":0,\"weightKg\":2.5}}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !offers.list(CatalogOffer.Status.PENDING).stream()
                .filter(offer -> offer.productCode().equals("KST-HEX4")).toList().isEmpty());
        offers.approve("dpa.admin", offers.list(CatalogOffer.Status.PENDING).stream()
                .filter(offer -> offer.productCode().equals("KST-HEX4")).findFirst().orElseThrow().id());
        kestrel.send("supplier.kestrel.inbound", session -> session.createTextMessage("{\"contractVersion\":\"1.0\","
                + "\"messageType\":\"STOCK_UPDATE\",\"messageId\":\"msg-" + UUID.randomUUID() + "\",\"products\":"
                + "[{\"productCode\":\"KST-HEX4\",\"stock\":5}]}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject(
                "select stock from product where code = 'KST-HEX4'", Integer.class) == 5);
        String orderNumber = placement.placeInStockOrder("A1001", Map.of("KST-HEX4", 1)).getOrderNumber();
        placement.form(orderNumber);

        TextMessage answer = (TextMessage) kestrel.receiveSelected("supplier.kestrel.orders",
                "hubMessageType = 'CATALOG_OFFER_ANSWER'");
        assertThat(answer.getText()).contains("\"decision\":\"APPROVED\"");
        TextMessage order = (TextMessage) kestrel.receiveSelected("supplier.kestrel.orders",
                "hubMessageType = 'ORDER'");
        assertThat(order).as("the order on Kestrel's queue").isNotNull();
        assertThat(order.getText()).contains("\"messageType\":\"ORDER\"").contains(orderNumber).contains("KST-HEX4");

        String response = "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"msg-"
                + UUID.randomUUID() + "\",\"orderNumber\":\"" + orderNumber + "\",\"responseCode\":\"AP\"}";
        kestrel.send("supplier.kestrel.inbound", session -> session.createTextMessage(response));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED_BY_SUPPLIER".equals(db.queryForObject(
                "select status from purchase_order where order_number = ?", String.class, orderNumber)));
    }

    @Test
    void aSupplierWhoseFileIsGoneIsDeactivatedAndKept() {
        assertThat(db.queryForObject("select active from supplier where code = 'viriy'", Boolean.class)).isFalse();
        Supplier viriy = suppliers.findByCode("viriy").orElseThrow();
        assertThat(offering.whyNot(viriy, "RECON")).as("it offers nothing")
                .contains("Viriy Aero LLC is no longer connected to the hub");
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = FourthSupplierTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

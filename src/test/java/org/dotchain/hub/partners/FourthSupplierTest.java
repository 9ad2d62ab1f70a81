package org.dotchain.hub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.ordering.OrderPlacement;
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

    @Test
    void anOrderGoesToTheSupplierOfTheNewFileAndItsAnswerComesBack() throws Exception {
        assertThat(db.queryForMap("select name, registration_code, connector_ref, active from supplier where code = ?",
                "kestrel")).containsEntry("name", "Kestrel Systems LLC").containsEntry("registration_code", "44567890")
                .containsEntry("connector_ref", "connectors/kestrel.camel.yaml").containsEntry("active", true);
        // until the DPA's back office puts a supplier's products on the showcase
        db.update("insert into product (code, supplier_id, name, product_type, description, unit_price, stock, "
                + "lead_time_days) select 'KST-HEX4', id, 'Kestrel HEX-4', 'RECON', 'A hexacopter', 90000.00, 5, 20 "
                + "from supplier where code = 'kestrel'");
        String orderNumber = placement.placeInStockOrder("A1001", Map.of("KST-HEX4", 1)).getOrderNumber();
        placement.form(orderNumber);

        JmsTemplate kestrel = new JmsTemplate(connections.as("kestrel"));
        kestrel.setReceiveTimeout(10_000);
        TextMessage order = (TextMessage) kestrel.receive("supplier.kestrel.orders");
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
        assertThat(db.queryForObject("select count(*) from product p join supplier s on s.id = p.supplier_id "
                + "where s.code = 'viriy'", Integer.class)).as("its products stay, off the showcase").isPositive();
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = FourthSupplierTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

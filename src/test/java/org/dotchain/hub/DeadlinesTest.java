package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.delivery.Despatches;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline checks run from Quartz's clustered job store on PostgreSQL, one instance at a time; each raises its
 * alert once, for the parties concerned.
 */
@HubIntegrationTest
class DeadlinesTest {

    @Autowired
    Scheduler scheduler;
    @Autowired
    Deadlines deadlines;
    @Autowired
    TestClock clock;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Despatches despatches;

    @Test
    void everyDeadlineIsAQuartzJobInTheSharedClusteredStore() throws Exception {
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(db.queryForList("select t.trigger_name from qrtz_triggers t join qrtz_cron_triggers c on "
                        + "c.trigger_name = t.trigger_name and c.trigger_group = t.trigger_group "
                        + "where t.trigger_group = 'deadlines'", String.class))
                .containsExactlyInAnyOrder("pre-order-expiry", "order-shipping-deadline", "certificate-deadline",
                        "signing-reminder", "trace-retention", "login-attempts-retention");
    }

    @Test
    void anInvoiceLeftOffEveryCertificateIsFlaggedForItsSupplierOnce() {
        PurchaseOrder order = placement.placeInStockOrder("A2002", Map.of("SKF-FPV10", 1));
        placement.form(order.getOrderNumber());
        String serial = "SN-" + UUID.randomUUID();
        despatches.record(order.getOrderNumber(), "skyforge", "D-" + serial, clock.instant(),
                LocalDate.now(clock).plusDays(1), List.of(new Despatches.DespatchedLine(1, 1, List.of(serial))));
        ApiClient.As receiver = api.as("orderer.a2002");
        JsonNode receipt = receiver.post("/api/orders/" + order.getOrderNumber() + "/receipts",
                Map.of("despatchNumber", "D-" + serial, "received", List.of(serial))).getBody();
        receiver.post("/api/documents/" + receipt.at("/invoice/documentId").asLong() + "/development-signatures", null);
        String invoice = receipt.at("/invoice/invoiceNumber").asText();

        deadlines.fire("certificate-deadline");
        assertThat(alerts(api.as("skyforge.agent"), invoice)).isZero();

        clock.advance(Duration.ofDays(11));
        deadlines.fire("certificate-deadline");
        deadlines.fire("certificate-deadline");

        assertThat(alerts(api.as("skyforge.agent"), invoice)).isEqualTo(1);
        assertThat(alerts(api.as("orderer.a2002"), invoice)).isEqualTo(1);
        assertThat(alerts(api.as("viriy.agent"), invoice)).isZero();
    }

    @Test
    void aSigningRoundWaitingTooLongRemindsTheSignerWhoseTurnItIs() {
        ApiClient.As orderer = api.as("orderer.a3003");
        orderer.put("/api/cart/lines/STP-FIBRE", Map.of("quantity", 1));
        JsonNode order = orderer.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/orders/0");
        String document = db.queryForObject("select number from document where id = ?", String.class,
                order.get("documentId").asLong());

        clock.advance(Duration.ofDays(3));
        deadlines.fire("signing-reminder");

        List<String> messages = messages(api.as("orderer.a3003"), document);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).contains("ORDERER");
        assertThat(alerts(api.as("orderer.a1001"), document)).isZero();
    }

    private static long alerts(ApiClient.As person, String subject) {
        return messages(person, subject).size();
    }

    private static List<String> messages(ApiClient.As person, String subject) {
        List<String> found = new java.util.ArrayList<>();
        person.get("/api/alerts").getBody().forEach(alert -> {
            if (alert.get("subjectId").asText().startsWith(subject)) {
                found.add(alert.get("message").asText());
            }
        });
        return found;
    }
}

package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.ReferenceSystems;
import org.dotchain.hub.integration.SupplierSystemDown;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator in a real browser: a supplier's system was down, so its order waits as a dead letter; the console
 * shows it with its reason and message, the queues and the routes; once the system is back the operator replays it
 * and the order goes on, and its trace shows every hop from its forming to its delivery, the failed one included; a
 * route stopped and started again, audited, the hub ready all along.
 */
@HubIntegrationTest
class OperatorConsolePagesTest extends PageTest {

    @Autowired
    DemoLogins logins;
    @Autowired
    SupplierSystemDown down;
    @Autowired
    ReferenceSystems reference;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ApiClient api;

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @Test
    void theOperatorReplaysTheDeadLetterOfASupplierThatWasDownAndFollowsTheOrderToItsDelivery() {
        String order = down.orderForSteppe();

        logins.logIn(browser, "operator");
        String letter = ".dead-letter:has(pre.message)";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.open("/operations");
            return browser.all(letter).stream().anyMatch(found -> found.getAttribute("innerHTML").contains(order));
        });
        assertThat(browser.text("main")).contains("supplier.steppe.orders.DLQ").contains("steppe-rest-outbound")
                .contains("Маршрути").contains("Черги");
        browser.assertAccessible().screenshot("console-uk");
        browser.size(Browser.PHONE).screenshot("console-uk-phone").size(Browser.DESKTOP);
        browser.open("/operations?lang=en").assertAccessible().screenshot("console-en");

        reference.start();
        String replay = browser.all(letter).stream().filter(found -> found.getAttribute("innerHTML").contains(order))
                .findFirst().orElseThrow().getAttribute("id");
        browser.submit("[id='" + replay + "'] form[action$='/replay'] button");
        assertThat(browser.text(".notice")).isEqualTo("The letter is back on its queue: it will be delivered again.");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"FORMED".equals(db.queryForObject(
                "select status from purchase_order where order_number = ?", String.class, order)));
        browser.open("/operations");
        assertThat(browser.all("[id='" + replay + "']")).as("the letter went").isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> "SHIPPED".equals(db.queryForObject(
                "select status from purchase_order where order_number = ?", String.class, order)));
        receiveEveryDespatchOf(order);
        browser.open("/operations?lang=en");
        browser.type("#reference", order).submit("form[role=search] button");
        assertThat(browser.text("h1")).isEqualTo("Trace of an order");
        // each hop is kept once its exchange is done, a moment after the order's status changed
        String trace = await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.open("/operations/trace?reference=" + order);
            return browser.text("ol.trace");
        }, text -> text.contains("DESPATCH_ADVICE"));
        assertThat(trace).contains("Status: Formed", "outbox-relay", "jms:queue:supplier.steppe.orders",
                "steppe-rest-outbound", "dead-lettered", "supplier-messages-contract", "ORDER_RESPONSE",
                "DESPATCH_ADVICE", "Status: Delivered");
        assertThat(trace.indexOf("dead-lettered")).as("the failed delivery, then the one after the replay")
                .isLessThan(trace.lastIndexOf("steppe-rest-outbound"));
        browser.assertAccessible().screenshot("trace-en");
        browser.open("/operations/trace?lang=uk&reference=" + order).assertAccessible().screenshot("trace-uk");
        browser.size(Browser.PHONE).screenshot("trace-uk-phone").size(Browser.DESKTOP);
        browser.open("/operations/trace?reference=ORD-NONE");
        assertThat(browser.text(".notice")).isEqualTo("Про ORD-NONE через хаб нічого не проходило.");
        browser.open("/operations?lang=en").run("document.getElementById('routes').scrollIntoView()")
                .screenshot("console-en-routes");

        String route = "form[action='/operations/routes/signing-reminder/%s'] button";
        browser.submit(route.formatted("stop"));
        assertThat(browser.text(".notice")).isEqualTo("The route is stopped; the audit trail has it.");
        try {
            assertThat(http.getForObject("/actuator/health/readiness", String.class))
                    .as("one route stopped leaves the hub ready").contains("\"UP\"");
        } finally {
            browser.submit(route.formatted("start"));
        }
        assertThat(browser.text(".notice")).isEqualTo("The route is started; the audit trail has it.");
        assertThat(db.queryForObject("select count(*) from audit_entry where actor = 'operator' and subject_id = "
                + "'signing-reminder' and action in ('ROUTE_STOPPED', 'ROUTE_STARTED')", Integer.class))
                .isGreaterThanOrEqualTo(2);
    }

    /** The unit's receiver takes in every despatch the supplier's system sent, every serial number of it. */
    private void receiveEveryDespatchOf(String order) {
        ApiClient.As receiver = api.as("orderer.a3003");
        for (String despatch : db.queryForList("select s.despatch_number from shipment s join purchase_order o on "
                + "o.id = s.order_id where o.order_number = ? order by s.id", String.class, order)) {
            List<String> serials = db.queryForList("select i.serial_number from shipment_item i join shipment s on "
                    + "s.id = i.shipment_id join purchase_order o on o.id = s.order_id where o.order_number = ? and "
                    + "s.despatch_number = ?", String.class, order, despatch);
            assertThat(receiver.post("/api/orders/" + order + "/receipts",
                    Map.of("despatchNumber", despatch, "received", serials)).getStatusCode().is2xxSuccessful())
                    .isTrue();
        }
        assertThat(db.queryForObject("select status from purchase_order where order_number = ?", String.class,
                order)).isEqualTo("DELIVERED");
    }
}

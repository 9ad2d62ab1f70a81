package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.ReferenceSystems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After the supplier ships, in a real browser: the receiver records what arrived and signs the expenditure invoice;
 * the supplier certifies and signs; the unit's signatory and then the DPA's sign the acceptance certificate on its
 * page, whose signatures verify; the finance system pays it.
 */
@HubIntegrationTest
class DeliveryAndCertificatePagesTest extends PageTest {

    static final Duration STEP = Duration.ofSeconds(30);

    @Autowired
    DemoLogins logins;
    @Autowired
    ApiClient api;
    @Autowired
    ReferenceSystems reference;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Clock clock;

    @BeforeEach
    void theReferenceSystems() {
        reference.start();
    }

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @Test
    void theReceiverAndBothSignatoriesDoTheirPartOnThePages() {
        ApiClient.As unit = api.as("orderer.a2002");
        unit.get("/api/cart").getBody().path("lines").forEach(line ->
                unit.delete("/api/cart/lines/" + line.path("productCode").asText()));
        unit.put("/api/cart/lines/SKF-FPV10", Map.of("quantity", 2));
        JsonNode order = unit.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/orders/0");
        String orderNumber = order.path("orderNumber").asText();
        unit.post("/api/documents/" + order.path("documentId").asLong() + "/development-signatures", null);
        await().atMost(STEP).until(() -> unit.get("/api/orders/" + orderNumber).getBody().path("status").asText()
                .equals("SHIPPED"));

        logins.logIn(browser, "orderer.a2002");
        browser.open("/orders/" + orderNumber).submit(".actions a.button[href$='/receipt']");
        assertThat(browser.all(".despatch")).hasSize(2);
        browser.assertAccessible().screenshot("receipt-uk");
        browser.size(Browser.PHONE).screenshot("receipt-uk-phone").size(Browser.DESKTOP);
        String refused = ".despatch input[type=radio][value=REFUSED]";
        browser.click(refused).submit(".despatch form button");
        assertThat(browser.text(".despatch p.error")).as("a refused item's reason, asked for beside it")
                .isEqualTo("Причина — від 1 до 500 символів.");
        assertThat(browser.find(refused).isSelected()).as("what was chosen stays").isTrue();
        browser.screenshot("receipt-error-uk");
        browser.click(".despatch input[type=radio][value=ARRIVED]");
        while (!browser.all(".despatch form button").isEmpty()) {
            browser.submit(".despatch form button");
            if (browser.path().startsWith("/invoices")) {
                assertThat(browser.text(".notice")).isEqualTo("Прийняття записано.");
                browser.assertAccessible().screenshot("invoices-to-sign-uk");
                browser.submit(".item form button");
                assertThat(browser.text(".notice")).isEqualTo("Накладну підписано, підпис перевірено й чинний: вироби "
                        + "дозволено до використання.");
                browser.open("/orders/" + orderNumber + "/receipt");
            }
        }
        assertThat(browser.text("main")).contains("Дозволено до використання").doesNotContain("В дорозі");
        browser.open("/invoices");
        browser.assertAccessible().screenshot("invoices-uk");

        await().atMost(STEP).until(() -> db.queryForObject("select count(*) from acceptance_certificate c join "
                + "acceptance_certificate_invoice ci on ci.certificate_id = c.id join expenditure_invoice i on i.id "
                + "= ci.invoice_id join purchase_order o on o.id = i.order_id join signing_round r on r.document_id = "
                + "c.document_id where o.order_number = ? and r.current_step = 2", Integer.class, orderNumber) == 2);
        List<Long> documents = db.queryForList("select distinct c.document_id from acceptance_certificate c "
                + "join acceptance_certificate_invoice ci on ci.certificate_id = c.id join expenditure_invoice i on "
                + "i.id = ci.invoice_id join purchase_order o on o.id = i.order_id where o.order_number = ?",
                Long.class, orderNumber);
        browser.submit(".logout button");
        logins.logIn(browser, "signatory.a2002");
        browser.open("/certificates?status=AWAITING_SIGNATURES");
        assertThat(browser.text("main")).contains("Підписант частини").contains("черга підписувати");
        browser.assertAccessible().screenshot("certificates-uk");
        browser.size(Browser.PHONE).screenshot("certificates-uk-phone").size(Browser.DESKTOP);
        browser.submit("form[action='/certificates/" + documents.get(0) + "/signature'] button");
        assertThat(browser.text(".notice")).isEqualTo("Акт підписано, підпис перевірено й чинний.");

        browser.submit(".logout button");
        logins.logIn(browser, "dpa.signatory");
        browser.open("/certificates?status=AWAITING_SIGNATURES&lang=en");
        assertThat(browser.text("main")).contains("DPA signatory").contains("to sign now");
        String second = "form[action='/certificates/" + documents.get(1) + "/signature'] button";
        assertThat(browser.all(second)).as("the unit's signatory's turn").isEmpty();
        api.as("signatory.a2002").post("/api/documents/" + documents.get(1) + "/development-signatures", null);
        browser.waitFor(second);
        assertThat(browser.all("#certificate-" + documents.get(1) + " .signers li.done"))
                .as("the supplier's and the unit's signatures, shown on the open page").hasSize(2);
        browser.assertAccessible().screenshot("certificates-dpa-en");
        for (Long document : documents) {
            browser.submit("form[action='/certificates/" + document + "/signature'] button");
            assertThat(browser.text(".notice")).isEqualTo("The certificate is signed, its signature verified and valid.");
        }
        browser.open("/certificates/" + documents.get(0) + "/verification");
        assertThat(browser.text("[role=status]")).startsWith("Every signature is valid (3)");
        browser.assertAccessible().screenshot("verification-en");
        await().atMost(STEP).until(() -> unit.get("/api/orders/" + orderNumber).getBody().path("status").asText()
                .equals("COMPLETED"));

        browser.submit(".logout button");
        logins.logIn(browser, "orderer.a2002");
        browser.open("/orders/" + orderNumber + "?lang=uk").submit(".actions a.button[href$='/rating']");
        browser.assertAccessible().screenshot("rating-uk");
        browser.click("form.rating input[name=score][value='4']").type("form.rating input[name=comment]",
                "Надійний зв'язок").submit("form.rating button");
        assertThat(browser.text(".notice")).isEqualTo("Дякуємо: оцінку записано.");
        browser.open("/showcase/SKF-FPV10");
        assertThat(browser.text(".rating")).startsWith("Оцінка");
    }
}

package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.operations.Alerts;
import org.dotchain.hub.ordering.SupplierOrderResponses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The unit's orderer in a real browser: puts a drone in the cart from its card, is told plainly when the cart is over
 * the budget (checkout disabled), checks out within it, signs the order, and sees its status change on the open page
 * as the supplier answers; an alert raised for the unit shows on the open page.
 */
@HubIntegrationTest
class CartAndOrderPagesTest extends PageTest {

    @Autowired
    DemoLogins logins;
    @Autowired
    Clock clock;
    @Autowired
    ApiClient api;
    @Autowired
    SupplierOrderResponses responses;
    @Autowired
    Alerts alerts;
    @Autowired
    JdbcTemplate db;

    @BeforeEach
    void anEmptyCart() {
        ApiClient.As orderer = api.as("orderer.a1001");
        orderer.get("/api/cart").getBody().path("lines").forEach(line ->
                orderer.delete("/api/cart/lines/" + line.path("productCode").asText()));
    }

    @Test
    void overTheBudgetTheCartSaysSoAndWithinItTheOrderIsSignedAndFollowedLive() {
        logins.logIn(browser, "orderer.a1001");
        browser.open("/showcase/SKF-RELAY").type("#quantity", "600").submit(".add button");
        assertThat(browser.path()).isEqualTo("/cart");
        assertThat(browser.text(".lines")).contains("Skyforge R-1 signal relay drone");
        assertThat(browser.text("[role=alert]")).startsWith("Кошик на 34 800 000,00 грн, а доступно лише");
        assertThat(browser.find(".checkout button").isEnabled()).as("checkout disabled over the budget").isFalse();
        browser.assertAccessible().screenshot("cart-over-budget-uk");
        browser.size(Browser.PHONE).screenshot("cart-over-budget-uk-phone").size(Browser.DESKTOP);

        // the browser itself refuses 0 (min="1"); past it, the hub says so beside the line's field
        browser.run("document.querySelector('.lines .quantity').removeAttribute('min')")
                .type(".lines .quantity", "0").submit(".lines form.inline button");
        assertThat(browser.text(".lines .error")).startsWith("Кількість — ціле число від 1");
        assertThat(browser.find(".lines .quantity").getAttribute("value")).isEqualTo("0");
        browser.type(".lines .quantity", "2").submit(".lines form.inline button");
        assertThat(browser.text(".totals")).contains("116 000,00 грн");
        assertThat(browser.all("[role=alert]")).isEmpty();
        assertThat(browser.find(".checkout button").isEnabled()).isTrue();
        browser.assertAccessible().screenshot("cart-uk");
        assertThat(browser.find("#requiredBy").getAttribute("value")).as("a month ahead unless changed")
                .isEqualTo(LocalDate.now(clock).plusDays(30).toString());
        browser.submit(".checkout button");

        assertThat(browser.path()).startsWith("/orders/ORD-");
        String orderNumber = browser.path().substring("/orders/".length());
        assertThat(browser.text("#order-status")).isEqualTo("Чекає вашого підпису");
        browser.assertAccessible().screenshot("order-to-sign-uk");
        browser.submit(".actions form button");
        assertThat(browser.text(".notice")).isEqualTo("Замовлення підписано, підпис перевірено й чинний; замовлення надіслано "
                + "постачальнику.");
        browser.waitFor("#order-status");
        assertThat(browser.text("#order-status")).isEqualTo("Сформовано");

        responses.respond(orderNumber, "skyforge", "AB", null);
        browser.waitForText("#order-status", "Передано постачальнику");
        responses.respond(orderNumber, "skyforge", "AP", null);
        browser.waitForText("#order-status", "Прийнято постачальником");
        assertThat(browser.path()).as("no reload").isEqualTo("/orders/" + orderNumber);
        browser.assertAccessible().screenshot("order-uk");
        browser.submit(".languages a[lang=en]");
        assertThat(browser.text("#order-status")).isEqualTo("Accepted by the supplier");
        browser.screenshot("order-en");
        browser.size(Browser.PHONE).screenshot("order-en-phone").size(Browser.DESKTOP);

        browser.open("/orders");
        assertThat(browser.text(".lines")).contains(orderNumber).contains("Accepted by the supplier");
        browser.assertAccessible().screenshot("orders-en");

        int alertsBefore = Integer.parseInt(browser.text("#alert-count"));
        Long unit = db.queryForObject("select id from military_unit where code = 'A1001'", Long.class);
        alerts.raise("ORDER_NOT_SHIPPED", "order", orderNumber, unit, null, "Order " + orderNumber + " is late");
        browser.waitForText("#alert-count", String.valueOf(alertsBefore + 1));
        assertThat(browser.path()).as("no reload").isEqualTo("/orders");
        browser.submit("a.alerts");
        assertThat(browser.text("main")).contains("Order " + orderNumber + " was not shipped in time.");
        browser.assertAccessible().screenshot("alerts-en");
    }
}

package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.catalog.CatalogOffers;
import org.dotchain.hub.settlement.Settlements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The DPA's administrator in a real browser: records a budget decision (a wrong amount is said beside its field),
 * approves one supplier's offer and rejects another's that is priced above the agreement, suspends and resumes a
 * supplier, and reads the reports' charts.
 */
@HubIntegrationTest
class DpaPagesTest extends PageTest {

    @Autowired
    DemoLogins logins;
    @Autowired
    CatalogOffers offers;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Settlements settlements;
    @Autowired
    Clock clock;

    @Test
    void theAdministratorRunsBudgetsOffersSuppliersAndReadsTheReports() throws Exception {
        String paidUnit = onboarding.unitWithBudget("W", "500000.00");
        ApiClient.As receiver = onboarding.loggedIn(onboarding.designateAndActivate(paidUnit, "ORDERER", "RECEIVER"));
        ApiClient.As signatory = onboarding.loggedIn(onboarding.designateAndActivate(paidUnit, "UNIT_SIGNATORY"));
        settlements.paidCertificateFor(paidUnit, Map.of("SKF-FPV7", 1), receiver, signatory);
        logins.logIn(browser, "dpa.admin");
        browser.open("/admin/budgets");
        assertThat(browser.text(".lines")).contains("A1001").contains("A2002").contains("Разом");
        browser.find("#unitCode").sendKeys("A2002");
        browser.type("#amount", "багато").type("#decisionNumber", "DPA-WEB-" + UUID.randomUUID().toString()
                .substring(0, 8)).type("#legalBasis", "Order of the DPA on the drone programme");
        browser.find("#decisionDate").sendKeys(Browser.dayAsTyped(LocalDate.now(clock).minusDays(1)));
        browser.submit(".form button[type=submit]");
        assertThat(browser.text("#amount-error")).startsWith("Сума — додатне число в гривнях");
        assertThat(browser.find("#legalBasis").getAttribute("value")).as("what was typed stays")
                .isEqualTo("Order of the DPA on the drone programme");
        browser.assertAccessible().screenshot("budgets-error-uk");
        browser.type("#amount", "150000,00").submit(".form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Рішення записано.");
        browser.assertAccessible().screenshot("budgets-uk");
        browser.size(Browser.PHONE).screenshot("budgets-uk-phone").size(Browser.DESKTOP);

        String code = "SKF-W" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
        long approved = offers.receive("skyforge", offer("OFF-" + code, code, "19500.00")).id();
        long rejected = offers.receive("skyforge", offer("OFF-" + code + "-X", code + "X", "99000.00")).id();
        browser.open("/admin/offers");
        assertThat(browser.text("main")).contains(code).contains("Новий виріб");
        assertThat(browser.text("main")).contains("Ціна вища за найвищу");
        browser.assertAccessible().screenshot("offers-uk");
        browser.submit("form[action='/admin/offers/" + approved + "/approval'] button");
        assertThat(browser.text(".notice")).isEqualTo("Пропозицію погоджено.");
        browser.type("#reason-" + rejected, "Ціна вища за рамкову угоду")
                .submit("form[action='/admin/offers/" + rejected + "/rejection'] button");
        assertThat(browser.text(".notice")).isEqualTo("Пропозицію відхилено; постачальник отримає причину.");
        browser.open("/showcase/" + code);
        assertThat(browser.text("h1")).isEqualTo("Test drone " + code);

        browser.open("/admin/suppliers");
        browser.run("document.querySelector('#reason-steppe').removeAttribute('required')")
                .submit("form[action$='/steppe/suspension'] button");
        assertThat(browser.text("#reason-steppe-error")).as("past the browser's own check, said beside the field")
                .isEqualTo("Причина — від 1 до 500 символів.");
        browser.type("#reason-steppe", "Перевірка постачань").submit("form[action$='/steppe/suspension'] button");
        try {
            assertThat(browser.text(".notice")).startsWith("Постачальника призупинено");
            assertThat(browser.text("main")).contains("Перевірка постачань");
            browser.assertAccessible().screenshot("suppliers-uk");
            browser.open("/showcase/STP-DROP");
            assertThat(browser.text("main .warning")).isEqualTo("Зараз не на вітрині: постачальника призупинено "
                    + "Агенцією.");
            browser.open("/admin/suppliers");
        } finally {
            browser.submit("form[action$='/steppe/resumption'] button");
        }
        assertThat(browser.text(".notice")).isEqualTo("Постачальника відновлено.");

        String agreement = "FA-WEB-" + UUID.randomUUID().toString().substring(0, 8);
        browser.click("details:has(form[action$='/steppe/agreements']) summary");
        browser.type("#steppe-number", agreement);
        for (String field : new String[] {"signedOn", "validFrom"}) {
            browser.find("#steppe-" + field).sendKeys(Browser.dayAsTyped(LocalDate.now(clock).minusDays(1)));
        }
        browser.find("#steppe-validUntil").sendKeys(Browser.dayAsTyped(LocalDate.now(clock).plusYears(1)));
        browser.type("#steppe-price0", "45 000,00").submit("form[action$='/steppe/agreements'] button");
        assertThat(browser.text("[role=alert]")).as("a price without its type")
                .startsWith("Угода охоплює хоча б один тип");
        assertThat(browser.find("#steppe-number").getAttribute("value")).isEqualTo(agreement);
        browser.screenshot("agreement-error-uk");
        browser.find("#steppe-type0").sendKeys("Ретранслятор");
        browser.submit("form[action$='/steppe/agreements'] button");
        assertThat(browser.text(".notice")).startsWith("Угоду записано");
        assertThat(browser.text("main")).contains(agreement).contains("Ретранслятор");
        browser.assertAccessible();

        browser.open("/admin/reports?lang=en");
        assertThat(browser.all(".chart")).hasSize(4);
        assertThat(browser.all(".chart svg rect.bar")).as("a bar per month, supplier, unit and type paid")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.text(".chart")).as("spending over time, by the month paid")
                .startsWith("Spending month by month").containsPattern("(January|February|March|April|May|June|July"
                        + "|August|September|October|November|December) \\d{4}");
        assertThat(browser.text("main")).contains("Skyforge Dynamics LLC").contains("Spending by supplier")
                .contains("Delivery performance");
        assertThat(browser.all(".chart a").get(1).getAttribute("href"))
                .contains("/admin/reports/spending.csv?by=SUPPLIER");
        browser.assertAccessible().screenshot("reports-en");
        browser.size(Browser.PHONE).screenshot("reports-en-phone").size(Browser.DESKTOP);
    }

    private static CatalogOffers.Offer offer(String number, String code, String price) {
        return new CatalogOffers.Offer(number, code, "Test drone " + code, "FPV", "A drone offered in a test",
                new BigDecimal(price), 21, Map.of("frequencyBands", List.of("5.8 GHz"),
                "camera", "Analogue", "rangeKm", 8, "flightTimeMin", 10, "payloadKg", 1.0, "weightKg", 0.8));
    }
}

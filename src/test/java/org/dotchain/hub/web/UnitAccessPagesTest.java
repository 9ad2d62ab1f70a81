package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The DPA's administrator in a real browser registers a unit and runs its access procedure step by step (request
 * letter, designation letter, trainings, access), each wrong step or value said in the page's language; makes a DPA
 * signatory's account; allocates the unit a budget; and the unit's new orderer activates with the link handed over, scans the QR code's secret,
 * logs in with a code (the page asked for before the login opening after it) and finds the budget on the showcase.
 */
@HubIntegrationTest
class UnitAccessPagesTest extends PageTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    DemoLogins logins;
    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;

    @Test
    void theAdministratorOnboardsAUnitAndItsOrdererGetsIn() {
        String code = "U" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 5);
        String orderer = "ord." + code.toLowerCase();
        String signatory = "sig." + code.toLowerCase();
        logins.logIn(browser, "dpa.admin");
        browser.open("/admin/units");
        assertThat(browser.text(".lines")).contains("A1001").contains("Доступ надано");
        browser.type("#unit-code", "a-1").type("#unit-name", "Військова частина " + code).submit(".form button");
        assertThat(browser.text("#unit-code-error")).startsWith("Код — від 2 до 16 великих латинських літер");
        assertThat(browser.find("#unit-name").getAttribute("value")).isEqualTo("Військова частина " + code);
        browser.assertAccessible().screenshot("units-error-uk");
        browser.type("#unit-code", code).submit(".form button");
        assertThat(browser.path()).isEqualTo("/admin/units/" + code);
        assertThat(browser.text(".notice")).isEqualTo("Частину зареєстровано. Тепер — лист-запит.");
        assertThat(browser.all("form[action$='/designation-letter']")).as("designation after the request").isEmpty();

        browser.type("#request-number", "DPA/" + code);
        browser.find("#request-date").sendKeys(Browser.dayAsTyped(LocalDate.now(clock).plusDays(3)));
        browser.submit("form[action$='/request-letter'] button");
        assertThat(browser.text("#request-date-error")).isEqualTo("Дата — день не пізніше сьогоднішнього.");
        browser.find("#request-date").sendKeys(Browser.dayAsTyped(LocalDate.now(clock).minusDays(20)));
        browser.submit("form[action$='/request-letter'] button");
        assertThat(browser.text(".notice")).isEqualTo("Лист-запит записано.");

        designate(code, "orderer.a1001", "ORDERER");
        assertThat(browser.text("[role=alert]"))
                .isEqualTo("Ім’я користувача orderer.a1001 уже зайняте: виберіть інше.");
        assertThat(browser.find("#p0-name").getAttribute("value")).as("what was typed stays")
                .isEqualTo("Олена Коваленко");
        designate(code, orderer, "ORDERER", "RECEIVER");
        assertThat(browser.text(".notice")).isEqualTo("Лист частини записано: її особи — нижче.");
        browser.submit("form[action$='/access'] button");
        assertThat(browser.text("[role=alert]")).endsWith(": навчання не записано. Запишіть його, перш ніж "
                + "надавати доступ.");
        for (String person : new String[] {orderer, signatory}) {
            browser.find("#completed-" + escaped(person)).sendKeys(Browser.dayAsTyped(LocalDate.now(clock).minusDays(2)));
            browser.submit("form[action$='/persons/" + person + "/training'] button");
            assertThat(browser.text(".notice")).isEqualTo("Навчання записано.");
        }
        browser.assertAccessible().screenshot("unit-uk");
        browser.size(Browser.PHONE).screenshot("unit-uk-phone").size(Browser.DESKTOP);
        browser.submit("form[action$='/access'] button");
        assertThat(browser.text(".notice")).isEqualTo("Доступ надано: передайте кожному його посилання.");
        assertThat(browser.all(".activations tbody tr")).hasSize(2);
        String link = browser.find("#link-" + escaped(orderer)).getAttribute("value");
        assertThat(link).startsWith("http://localhost:" + port + "/activate?token=");
        browser.open("/admin/units/" + code + "?lang=en");
        assertThat(browser.text("main")).contains("Access granted").doesNotContain(link.substring(link.indexOf('=')));
        browser.assertAccessible().screenshot("unit-en");

        browser.open("/admin/staff?lang=uk");
        String dpaSigner = "dpa." + code.toLowerCase();
        browser.type("#staff-username", dpaSigner).type("#staff-name", "Ірина Гнатюк").submit(".form button");
        assertThat(browser.text(".form .error")).as("no role chosen")
                .isEqualTo("Виберіть роль: людина постачальника має лише роль «Постачальник».");
        browser.click("input[name=roles][value=DPA_SIGNATORY]").submit(".form button");
        assertThat(browser.text(".notice")).isEqualTo("Обліковий запис створено: передайте посилання для активації.");
        assertThat(browser.find("#link-" + escaped(dpaSigner)).getAttribute("value")).contains("/activate?token=");
        assertThat(browser.text("#staff-list")).contains(dpaSigner).contains("Підписант Агенції");
        browser.assertAccessible().screenshot("staff-uk");

        browser.open("/admin/budgets?lang=uk");
        browser.find("#unitCode").sendKeys(code);
        browser.type("#amount", "300000,00").type("#decisionNumber", "DPA-" + code)
                .type("#legalBasis", "Наказ Агенції про програму дронів");
        browser.find("#decisionDate").sendKeys(Browser.dayAsTyped(LocalDate.now(clock)));
        browser.submit(".form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Рішення записано.");
        browser.submit(".logout button");

        browser.open(link.substring(link.indexOf("/activate")));
        browser.assertAccessible().screenshot("activate-uk");
        browser.type("#password", PASSWORD).type("#repeated", "another long password").submit("button[type=submit]");
        assertThat(browser.text(".error")).isEqualTo("Паролі не збігаються.");
        browser.type("#password", PASSWORD).type("#repeated", PASSWORD).submit("button[type=submit]");
        assertThat(browser.all(".qr svg")).as("the QR code, drawn on the server").hasSize(1);
        browser.assertAccessible().screenshot("enrol-uk");
        browser.size(Browser.PHONE).screenshot("enrol-uk-phone").size(Browser.DESKTOP);
        String secret = browser.text("#totp-secret");
        browser.submit(".languages a[lang=en]");
        assertThat(browser.path()).as("the other language keeps the link").startsWith("/activate?token=");
        browser.type("#password", PASSWORD).type("#repeated", PASSWORD).submit("button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Add the hub to your authenticator app");
        assertThat(browser.text("#totp-secret")).as("the QR code scanned before still holds").isEqualTo(secret);
        browser.type("#code", totp.codeAt(secret, clock.instant())).submit("button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Your account is active. Log in with your password and a code.");
        browser.submit(".languages a[lang=uk]");

        browser.open("/orders");
        assertThat(browser.path()).as("a page asks for the login first").startsWith("/login");
        String formsToken = browser.find("input[name=_csrf]").getAttribute("value");
        clock.advance(Duration.ofSeconds(30));
        browser.type("#username", orderer).type("#password", PASSWORD).submit("button[type=submit]")
                .type("#code", totp.codeAt(secret, clock.instant())).submit("button[type=submit]");
        assertThat(browser.path()).as("on to the page asked for").isEqualTo("/orders");
        browser.run("document.querySelector('.logout input[name=_csrf]').value = arguments[0]", formsToken)
                .submit(".logout button");
        assertThat(browser.text(".who")).as("a form with the token from before the login is refused")
                .isEqualTo("Олена Коваленко");
        browser.open("/showcase");
        assertThat(browser.text(".budget .available")).contains("300 000,00 грн");
        assertThat(browser.text(".top")).contains("Олена Коваленко").contains("Кошик");
    }

    /** The designation form filled for one person (the orderer's name) and, after, the unit's signatory. */
    private void designate(String code, String username, String... roles) {
        browser.type("#designation-number", code + "/0");
        browser.find("#designation-date").sendKeys(Browser.dayAsTyped(LocalDate.now(clock).minusDays(10)));
        browser.type("#p0-username", username).type("#p0-name", "Олена Коваленко");
        for (String role : roles) {
            if (!browser.find("input[name='person0.roles'][value=" + role + "]").isSelected()) {
                browser.click("input[name='person0.roles'][value=" + role + "]");
            }
        }
        browser.type("#p1-username", "sig." + code.toLowerCase()).type("#p1-name", "Тарас Бондар");
        if (!browser.find("input[name='person1.roles'][value=UNIT_SIGNATORY]").isSelected()) {
            browser.click("input[name='person1.roles'][value=UNIT_SIGNATORY]");
        }
        browser.submit("form[action$='/designation-letter'] button");
    }

    private static String escaped(String id) {
        return id.replace(".", "\\.");
    }
}

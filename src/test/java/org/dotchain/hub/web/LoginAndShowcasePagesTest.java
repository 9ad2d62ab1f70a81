package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.access.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A person of a unit in a real browser: logs in with password, then code (a newcomer's activation is in
 * {@link UnitAccessPagesTest}); sees the showcase with the unit's budget window, filters it, opens a product's card;
 * switches language; logs out. Each page is checked for accessibility and saved as a screenshot, in both languages
 * and at phone width.
 */
@HubIntegrationTest
class LoginAndShowcasePagesTest extends PageTest {

    @Autowired
    TotpCodes totp;
    @Autowired
    TestClock clock;
    @Autowired
    ApiClient api;
    @Autowired
    DemoLogins logins;
    @Autowired
    Onboarding onboarding;

    @Test
    void aUnitsOrdererLogsInInTwoStepsAndFindsADroneOnTheShowcase() {
        browser.open("/showcase");
        assertThat(browser.path()).as("a page asks for the login first").startsWith("/login");
        assertThat(browser.text("h1")).isEqualTo("Вхід");
        browser.assertAccessible().screenshot("login-uk");

        browser.type("#username", "orderer.a1001").type("#password", logins.password()).submit("button[type=submit]");
        assertThat(browser.path()).as("%s", browser.text("main")).isEqualTo("/login/code");
        browser.assertAccessible().screenshot("login-code-uk");
        browser.type("#code", "000000").submit("button[type=submit]");
        assertThat(browser.text(".error")).as("a wrong code is said as any failure is, back at the first step")
                .startsWith("Неправильне ім’я, пароль або код. Якщо ім’я й пароль правильні, перевірте час на телефоні.");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo("orderer.a1001");
        browser.assertAccessible().screenshot("login-refused-uk");
        browser.size(Browser.PHONE).screenshot("login-refused-uk-phone").size(Browser.DESKTOP);
        browser.type("#password", logins.password()).submit("button[type=submit]");
        assertThat(browser.path()).as("%s", browser.text("main")).isEqualTo("/login/code");
        String code = logins.freshCode();
        browser.type("#code", code).submit("button[type=submit]");

        assertThat(browser.path()).as("%s", browser.text("main")).isEqualTo("/showcase");
        assertThat(browser.text("h1")).isEqualTo("Вітрина");
        assertThat(browser.text(".budget")).containsIgnoringCase("Доступно").contains("грн");
        assertThat(Integer.parseInt(browser.text(".count").replace("Знайдено: ", "")))
                .as("the demo's 13 drones, and what other tests offered").isGreaterThanOrEqualTo(13);
        assertThat(browser.all(".tile")).hasSize(12);
        assertThat(browser.cookie("JSESSIONID")).containsEntry("httpOnly", true).containsEntry("sameSite", "Lax");
        browser.assertAccessible().screenshot("showcase-uk");
        browser.submit(".budget a.more");
        assertThat(browser.text("main")).contains("Виділено").contains("DEMO-2026/A1001");
        browser.assertAccessible().screenshot("budget-history-uk");
        browser.open("/showcase");
        browser.size(Browser.PHONE).screenshot("showcase-uk-phone").size(Browser.DESKTOP);

        browser.find("#type").sendKeys("Розвідка");
        browser.submit(".filters button[type=submit]");
        assertThat(browser.all(".tile .photo")).isNotEmpty()
                .allMatch(photo -> photo.getText().equalsIgnoreCase("Розвідка"));
        browser.type("#q", "Scout reconnaissance").submit(".filters button[type=submit]");
        assertThat(browser.all(".tile .name")).extracting(name -> name.getText())
                .containsExactly("Viriy Scout reconnaissance quadcopter");

        browser.submit(".tile-link");
        assertThat(browser.text("h1")).isEqualTo("Viriy Scout reconnaissance quadcopter");
        assertThat(browser.text(".specs")).contains("Частоти").contains("2.4 GHz, 5.8 GHz").contains("12 км")
                .contains("42 хв").contains("28 дн.");
        assertThat(browser.text(".card .price")).isEqualTo("96 000,00 грн");
        browser.assertAccessible().screenshot("product-uk");
        browser.size(Browser.PHONE).screenshot("product-uk-phone").size(Browser.DESKTOP);

        browser.submit(".languages a[lang=en]");
        assertThat(browser.text(".specs")).contains("Frequencies").contains("12 km");
        assertThat(browser.text(".card .price")).isEqualTo("UAH 96,000.00");
        browser.assertAccessible().screenshot("product-en");
        browser.open("/showcase");
        assertThat(browser.text("h1")).as("the language stays chosen").isEqualTo("Showcase");
        assertThat(browser.text(".budget")).containsIgnoringCase("Available").contains("UAH");
        browser.assertAccessible().screenshot("showcase-en");
        browser.size(Browser.PHONE).screenshot("showcase-en-phone").size(Browser.DESKTOP);

        browser.submit(".logout button");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(".notice")).isEqualTo("You have logged out.");
        browser.open("/showcase");
        assertThat(browser.path()).as("logged out means out").startsWith("/login");
    }

    @Test
    void aReplayedCodeAndAnEndedSessionAreSaidPlainly() {
        browser.open("/login").type("#username", "orderer.a2002").type("#password", logins.password())
                .submit("button[type=submit]");
        String code = logins.freshCode();
        browser.type("#code", code).submit("button[type=submit]");
        assertThat(browser.path()).as("%s", browser.text("main")).isEqualTo("/showcase");
        browser.clearCookies().open("/login").type("#username", "orderer.a2002").type("#password", logins.password())
                .submit("button[type=submit]");
        assertThat(browser.path()).as("%s", browser.text("main")).isEqualTo("/login/code");
        browser.type("#code", code).submit("button[type=submit]");
        assertThat(browser.text(".error")).isEqualTo("Цей код уже використано. Дочекайтеся наступного.");

        browser.open("/login").type("#username", "orderer.a2002").type("#password", "not the password")
                .submit("button[type=submit]");
        assertThat(browser.path()).as("a wrong password is not told apart from a right one before the code")
                .isEqualTo("/login/code");
        browser.type("#code", logins.freshCode()).submit("button[type=submit]");
        assertThat(browser.text(".error")).startsWith("Неправильне ім’я, пароль або код.");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo("orderer.a2002");
        browser.submit(".languages a[lang=en]");
        browser.type("#username", "orderer.a2002").type("#password", "not the password either")
                .submit("button[type=submit]").type("#code", "123456").submit("button[type=submit]");
        assertThat(browser.text(".error")).startsWith("Wrong username, password or code.");
        browser.assertAccessible().screenshot("login-refused-en");
    }

    @Test
    void aWithdrawnAccessEndsTheSessionAndABadAddressGetsAReadablePage() {
        String unit = onboarding.unitWithBudget("V", "100000.00");
        Onboarding.Newcomer person = onboarding.designateAndActivate(unit, "ORDERER");
        browser.open("/login").type("#username", person.username()).type("#password", Onboarding.PASSWORD)
                .submit("button[type=submit]");
        clock.advance(Duration.ofSeconds(30));
        browser.type("#code", totp.codeAt(person.totpSecret(), clock.instant())).submit("button[type=submit]");
        assertThat(browser.path()).isEqualTo("/showcase");

        browser.open("/orders?status=NONSENSE");
        assertThat(browser.text("h1")).isEqualTo("Адреса сторінки неправильна");
        browser.open("/showcase/NO-SUCH-DRONE");
        assertThat(browser.text("h1")).isEqualTo("Такого немає");
        browser.assertAccessible().screenshot("problem-uk");
        browser.open("/no-such-page");
        assertThat(browser.text("h1")).as("an address no page has: the hub's page, not the container's")
                .isEqualTo("Такого немає");
        assertThat(browser.text(".budget")).as("the frame of a 404 page, read from the database")
                .containsIgnoringCase("Доступно");
        assertThat(browser.text("#alert-count")).matches("\\d+");
        browser.submit(".languages a[lang=en]");
        assertThat(browser.path()).as("the language switch of a problem page").isEqualTo("/no-such-page?lang=en");
        assertThat(browser.text("h1")).isEqualTo("There is no such thing");
        browser.submit(".languages a[lang=uk]");
        browser.open("/showcase?q=%00");
        assertThat(browser.text("h1")).as("a NUL in a parameter").isEqualTo("Адреса сторінки неправильна");
        browser.screenshot("problem-nul-uk");
        browser.open("/showcase?lang=de");
        assertThat(browser.text("h1")).as("no language the pages have no texts in").isEqualTo("Вітрина");

        api.as("dpa.admin").delete("/api/admin/units/" + unit + "/access");
        browser.open("/orders");
        assertThat(browser.path()).as("withdrawn: the session ends at once").startsWith("/login");
        assertThat(browser.text(".notice")).isEqualTo("Сеанс завершився. Увійдіть знову.");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() {
        HttpHeaders proxied = new HttpHeaders();
        proxied.set("X-Forwarded-Proto", "https");
        String cookie = api.anonymous().exchange("/login", HttpMethod.GET, new HttpEntity<>(proxied), String.class)
                .getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly")
                .contains("; SameSite=Lax");
        assertThat(api.anonymous().getForEntity("/login", String.class).getHeaders().getFirst(HttpHeaders.SET_COOKIE))
                .as("plain HTTP on this machine, as in the demo").doesNotContain("Secure");
    }

    @Test
    void aPageLeftOpenEndsItsSessionAfterHalfAnHourWithoutAStep() {
        logins.logIn(browser, "orderer.a1001");
        assertThat(browser.find("#alert-count").getAttribute("hx-get")).isEqualTo("/alerts/count");
        clock.advance(Duration.ofMinutes(31));
        // the alerts' poll keeps the servlet's session going, but no step of the person's was taken since
        browser.waitForPath("/login");
        assertThat(browser.text(".notice")).isEqualTo("Сеанс завершився. Увійдіть знову.");
    }
}

package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.LockedTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, a page asked for while the database ends the hub's connection (a restart or failover of the
 * server): the hub's own page says, in the reader's language, that it cannot reach its data and what to do, with the
 * way back, shows nothing read from the database (the budget) and says nothing of what failed; the same page once the
 * database is there again.
 */
@HubIntegrationTest
class ServerTroublePagesTest extends PageTest {

    @Autowired
    DemoLogins logins;
    @Autowired
    DataSource dataSource;

    @Test
    void aPageWhoseDatabaseIsAwaySaysWhatToDoInEitherLanguage() throws Exception {
        logins.logIn(browser, "orderer.a1001");
        LockedTable.connectionEndedUnder(dataSource, "person", () -> browser.open("/showcase"));
        assertThat(browser.text("main")).contains("Хаб зараз не має доступу до своїх даних")
                .doesNotContain("SQL", "Exception", "person");
        assertThat(browser.all(".budget")).as("nothing read from the database on this page").isEmpty();
        assertThat(browser.all("#alert-count")).as("no alert count, rather than an empty one").isEmpty();
        assertThat(browser.all("a.alerts")).as("the way to the alerts stays").hasSize(1);
        browser.assertAccessible().screenshot("unavailable-uk");
        browser.size(Browser.PHONE).screenshot("unavailable-uk-phone").size(Browser.DESKTOP);

        LockedTable.connectionEndedUnder(dataSource, "person", () -> browser.open("/showcase?lang=en"));
        assertThat(browser.text("main")).contains("The hub cannot reach its data just now")
                .doesNotContain("SQL", "Exception", "person");
        browser.assertAccessible().screenshot("unavailable-en");
        browser.size(Browser.PHONE).screenshot("unavailable-en-phone").size(Browser.DESKTOP);

        browser.open("/showcase");
        assertThat(browser.path()).isEqualTo("/showcase");
        assertThat(browser.all(".tile")).as("the showcase again, on a new connection").isNotEmpty();
    }
}

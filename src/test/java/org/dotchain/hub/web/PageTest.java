package org.dotchain.hub.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the pages: a fresh headless browser for each test, against the hub under test, closed after it. */
abstract class PageTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openTheBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }
}

package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.TotpCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A demo account's login on the pages, as its person would type it: password, then a code not used before. */
@Component
public class DemoLogins {

    private final TotpCodes totp;
    private final TestClock clock;
    private final String password;
    private final String secret;

    DemoLogins(TotpCodes totp, TestClock clock, @Value("${hub.demo.password:}") String password,
               @Value("${hub.demo.totp-secret:}") String secret) {
        this.totp = totp;
        this.clock = clock;
        this.password = password;
        this.secret = secret;
    }

    public String password() {
        return password;
    }

    /** A demo account's code of a time step no login has used yet. */
    public String freshCode() {
        clock.advance(Duration.ofSeconds(30));
        return totp.codeAt(secret, clock.instant());
    }

    public void logIn(Browser browser, String username) {
        browser.open("/login").type("#username", username).type("#password", password)
                .submit("button[type=submit]");
        browser.type("#code", freshCode()).submit("button[type=submit]");
        assertThat(browser.path()).as("%s", browser.text("main")).isEqualTo("/showcase");
    }
}

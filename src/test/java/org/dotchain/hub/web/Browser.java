package org.dotchain.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver, against the hub under test: pages opened, forms filled,
 * screenshots saved under target/screenshots/, and every page checked with axe-core for serious or critical
 * accessibility violations.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1366, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("hub.browser.chromium", "/usr/bin/chromium"));
        // the machine's network is closed: nothing of Chromium's own may try to go out
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=uk");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(binary("hub.browser.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(DESKTOP);
        this.base = "http://localhost:" + port;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** A script run in the page, as a person's tampering with it would. */
    public Browser run(String script, Object... arguments) {
        driver.executeScript(script, arguments);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * A click that loads another page, or (a form htmx boosts) swaps the page's body for it: it returns once what
     * was clicked is gone and the new page has loaded.
     */
    public Browser submit(String css) {
        WebElement clicked = find(css);
        clicked.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(left -> gone(clicked));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(loaded -> "complete".equals(
                ((JavascriptExecutor) loaded).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the page an element was on is gone. Chromium answers a look at an element of a page being replaced
     * either as stale or, mid-navigation, that the node is not in the document: gone both times.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException midNavigation) {
            return String.valueOf(midNavigation.getMessage()).contains("does not belong to the document");
        }
    }

    public Browser waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(page -> !page.findElements(By.cssSelector(css))
                .isEmpty());
        return this;
    }

    /** Waits until the page is one at the path, as the page itself would go there (a redirect htmx was told). */
    public Browser waitForPath(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(25)).until(page -> path().startsWith(prefix));
        return this;
    }

    /** Waits until the element says the text, as a live update would make it say. */
    public Browser waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.cssSelector(css),
                text));
        return this;
    }

    /** A day as a person types it into Chromium's date field: month, day, year. */
    public static String dayAsTyped(LocalDate day) {
        return String.format("%02d%02d%04d", day.getMonthValue(), day.getDayOfMonth(), day.getYear());
    }

    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** A screenshot of the page as it is, as target/screenshots/&lt;name&gt;.png. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** axe-core's check of the page: no serious or critical violation. */
    @SuppressWarnings("unchecked")
    public Browser assertAccessible() {
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.filter("
                + "v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))));");
        assertThat((List<String>) result).as("accessibility of %s", path()).isEmpty();
        return this;
    }

    public Map<String, Object> cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? Map.of() : Map.of("httpOnly", cookie.isHttpOnly(), "sameSite",
                String.valueOf(cookie.getSameSite()));
    }

    public Browser clearCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String binary(String property, String fallback) {
        return System.getProperty(property, fallback);
    }

    private static final String AXE = axe();

    private static String axe() {
        try (InputStream in = Browser.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

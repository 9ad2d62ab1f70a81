package org.dotchain.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * /actuator/prometheus as a scraper reads it: Camel's route figures by route id, the broker's by queue, the supply
 * cycle's own, and an order delivered to its supplier moving them; only the scraper's token or an operator reads it.
 */
@HubIntegrationTest
class MetricsScrapeTest {

    static final String SCRAPER = "test-metrics-token-0123456789abcdef0123";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApiClient api;
    @Autowired
    Clock clock;


    @Test
    void theScrapeNamesEveryFigureAndADeliveryMovesThem() {
        String before = scrape();
        double formed = figure(before, "hub_orders_reached_total\\{status=\"FORMED\"}");
        double added = figure(before, "artemis_messages_added\\{[^}]*queue=\"supplier.skyforge.orders\"[^}]*}");
        double exchanges = sum(before, "camel_exchanges_total\\{[^}]*}");

        ApiClient.As orderer = api.as("orderer.a1001");
        orderer.get("/api/cart").getBody().path("lines").forEach(line ->
                orderer.delete("/api/cart/lines/" + line.path("productCode").asText()));
        orderer.put("/api/cart/lines/SKF-FPV7", Map.of("quantity", 1));
        JsonNode order = orderer.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/orders/0");
        orderer.post("/api/documents/" + order.path("documentId").asLong() + "/development-signatures", null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = scrape();
            assertThat(figure(after, "hub_orders_reached_total\\{status=\"FORMED\"}")).isEqualTo(formed + 1);
            assertThat(figure(after, "artemis_messages_added\\{[^}]*queue=\"supplier.skyforge.orders\"[^}]*}"))
                    .as("the order on its way to the supplier's queue").isGreaterThanOrEqualTo(added + 1);
            assertThat(sum(after, "camel_exchanges_total\\{[^}]*}")).isGreaterThan(exchanges);
        });
        String after = scrape();
        assertThat(after).contains("camel_exchanges_total{", "camel_exchanges_failed_total{",
                        "camel_exchanges_inflight{", "camel_route_policy_seconds_count{")
                .contains("artemis_message_count{", "artemis_consumer_count{", "artemis_messages_added{",
                        "artemis_messages_expired{", "artemis_messages_killed{")
                .contains("hub_orders_reached_total{status=\"FORMED\"}", "hub_orders_overdue ",
                        "hub_certificates_waiting{role=\"DPA_SIGNATORY\"}", "hub_budget_committed_uah ",
                        "hub_budget_spent_uah ");
        // http_client_requests counts this test's own client's calls, not the hub's (it makes none through Spring)
        assertThat(after.lines().filter(line -> !line.startsWith("http_client_requests")))
                .as("route ids as tags, never an order's number").noneMatch(line -> line.contains("ORD-"));
        assertThat(after).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"");
    }

    /** The alert rules read only series the hub scrapes (promtool's tests of them use the same names). */
    @Test
    void everySeriesTheAlertRulesReadIsScraped() throws Exception {
        String scrape = scrape();
        String rules = new String(getClass().getResourceAsStream("/prometheus/alerts.yml").readAllBytes(),
                StandardCharsets.UTF_8);
        Matcher series = Pattern.compile("\\b((?:hub|artemis|camel)_[a-z_]+)").matcher(rules);
        int read = 0;
        while (series.find()) {
            read++;
            assertThat(scrape).as("the series %s", series.group(1)).containsPattern("(?m)^" + series.group(1)
                    + "[{ ]");
        }
        assertThat(read).isGreaterThanOrEqualTo(5);
        assertThat(scrape).as("every partner's connector from the start")
                .contains("hub_partner_connector_up{partner=\"steppe\"}", "hub_partner_connector_up{partner=\"viriy\"}");
    }

    @Test
    void onlyTheScrapersTokenOrAnOperatorReadsTheMetrics() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("operator").get("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.as("orderer.a1001").get("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asScraper("/api/orders").getStatusCode()).as("the scraper's token reads nothing else")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asScraper("/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("orderer.a1001").get("/actuator/metrics", String.class).getStatusCode())
                .as("the hub's figures are the operators'").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("operator").get("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders wrong = new HttpHeaders();
        wrong.setBearerAuth(SCRAPER + "x");
        assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(wrong), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String scrape() {
        ResponseEntity<String> scraped = asScraper("/actuator/prometheus");
        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        return scraped.getBody();
    }

    private ResponseEntity<String> asScraper(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(SCRAPER);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The value of the one series the pattern names (0 while it has none). */
    private static double figure(String scrape, String series) {
        Matcher found = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    private static double sum(String scrape, String series) {
        Matcher found = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        double total = 0;
        while (found.find()) {
            total += Double.parseDouble(found.group(1));
        }
        return total;
    }
}

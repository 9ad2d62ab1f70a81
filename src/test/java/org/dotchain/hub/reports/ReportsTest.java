package org.dotchain.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.delivery.Despatches;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.settlement.Settlements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The DPA's reports: what was paid by supplier, unit and product type, and how each supplier delivered, as JSON and
 * as CSV; a paid order of a new unit shows in each.
 */
@HubIntegrationTest
class ReportsTest {

    static final String PERIOD = "from=2026-01-01&to=2099-12-31";

    @Autowired
    ApiClient api;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Settlements settlements;
    @Autowired
    TestRestTemplate http;
    @Autowired
    OrderPlacement placement;
    @Autowired
    Despatches despatches;
    @Autowired
    Clock clock;

    @Test
    void aPaidOrderShowsInEverySpendingReportAndInItsSuppliersDeliveries() throws Exception {
        ApiClient.As admin = api.as("dpa.admin");
        String unit = onboarding.unitWithBudget("R", "500000.00");
        ApiClient.As receiver = onboarding.loggedIn(onboarding.designateAndActivate(unit, "ORDERER", "RECEIVER"));
        ApiClient.As signatory = onboarding.loggedIn(onboarding.designateAndActivate(unit, "UNIT_SIGNATORY"));
        JsonNode before = row(admin.get("/api/admin/reports/delivery-performance?" + PERIOD).getBody(), "skyforge");
        BigDecimal fpvBefore = spent(admin.get("/api/admin/reports/spending?by=PRODUCT_TYPE&" + PERIOD).getBody(),
                "FPV");

        settlements.paidCertificateFor(unit, Map.of("SKF-FPV7", 2), receiver, signatory);
        String claimed = placement.placeInStockOrder(unit, Map.of("SKF-FPV7", 1)).getOrderNumber();
        placement.form(claimed);
        despatches.record(claimed, "skyforge", "D-" + claimed, clock.instant(), LocalDate.now(clock).plusDays(2),
                List.of(new Despatches.DespatchedLine(1, 1, List.of("SN-" + claimed))));
        receiver.post("/api/orders/" + claimed + "/receipts", Map.of("despatchNumber", "D-" + claimed,
                "received", List.of(), "refused", List.of(Map.of("serialNumber", "SN-" + claimed,
                        "reason", "Broken propeller"))));

        JsonNode byUnit = admin.get("/api/admin/reports/spending?by=UNIT&" + PERIOD).getBody();
        assertThat(byUnit.path("by").asText()).isEqualTo("UNIT");
        assertThat(spent(byUnit, unit)).isEqualByComparingTo("29000.00");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : byUnit.path("rows")) {
            sum = sum.add(row.path("spent").decimalValue());
        }
        assertThat(byUnit.path("total").decimalValue()).isEqualByComparingTo(sum);
        assertThat(spent(api.as("dpa.signatory").get("/api/admin/reports/spending?by=PRODUCT_TYPE&" + PERIOD)
                .getBody(), "FPV")).isEqualByComparingTo(fpvBefore.add(new BigDecimal("29000.00")));
        JsonNode bySupplier = admin.get("/api/admin/reports/spending?" + PERIOD).getBody();
        assertThat(bySupplier.path("by").asText()).as("by supplier unless asked").isEqualTo("SUPPLIER");
        assertThat(spent(bySupplier, "skyforge")).isPositive();
        JsonNode byMonth = admin.get("/api/admin/reports/spending?by=MONTH&" + PERIOD).getBody();
        List<String> months = byMonth.path("rows").findValuesAsText("key");
        assertThat(months).as("over time: month by month, the earliest first").isNotEmpty().isSorted()
                .allMatch(month -> month.matches("\\d{4}-\\d{2}"));
        assertThat(byMonth.path("total").decimalValue()).isEqualByComparingTo(bySupplier.path("total").decimalValue());
        assertThat(admin.get("/api/admin/reports/spending?by=UNIT&from=2099-01-01").getBody().path("rows"))
                .as("a period with no payment").isEmpty();

        JsonNode after = row(admin.get("/api/admin/reports/delivery-performance?" + PERIOD).getBody(), "skyforge");
        assertThat(after.path("ordersFormed").asLong()).isEqualTo(before.path("ordersFormed").asLong() + 2);
        assertThat(after.path("shippedWithin7Days").asLong())
                .isEqualTo(before.path("shippedWithin7Days").asLong() + 2);
        assertThat(after.path("ordersWithClaims").asLong()).isEqualTo(before.path("ordersWithClaims").asLong() + 1);
        assertThat(after.path("delivered").asLong()).isEqualTo(before.path("delivered").asLong() + 1);
        assertThat(after.path("shareShippedWithin7Days").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(after.path("averageDaysToDelivered").isNumber()).isTrue();

        ResponseEntity<String> csv = csv(admin, "/api/admin/reports/spending?by=UNIT&" + PERIOD);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("spending-by-unit-from-2026-01-01-to-2099-12-31.csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("key,name,spent,orders,certificates");
        assertThat(lines).contains(unit + ",\"Military unit " + unit + "\",29000.00,1,1");
        assertThat(csv(admin, "/api/admin/reports/delivery-performance?" + PERIOD).getBody().lines().findFirst()
                .orElseThrow()).startsWith("supplierCode,supplierName,ordersFormed,shippedWithin7Days");
    }

    @Test
    void aReportIsRefusedWithItsFieldAndOnlyTheDpaSeesOne() {
        ApiClient.As admin = api.as("dpa.admin");
        assertProblem(admin.get("/api/admin/reports/spending?from=2026-12-01&to=2026-11-01"), HttpStatus.BAD_REQUEST,
                "before it starts");
        assertThat(admin.get("/api/admin/reports/spending?by=COLOUR").getBody().path("field").asText())
                .isEqualTo("by");
        assertThat(api.as("orderer.a1001").get("/api/admin/reports/spending").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("skyforge.agent").get("/api/admin/reports/delivery-performance").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> csv(ApiClient.As caller, String url) {
        HttpHeaders headers = caller.headers();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static JsonNode row(JsonNode report, String supplier) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("supplierCode").asText().equals(supplier)) {
                return row;
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static BigDecimal spent(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("key").asText().equals(key)) {
                return row.path("spent").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}

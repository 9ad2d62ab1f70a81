package org.dotchain.hub.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dotchain.hub.ApiAssertions.assertProblem;
import static org.dotchain.hub.LedgerInvariant.assertBalanced;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.ordering.OrderPlacement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DPA allocates, tops up and reduces a unit's budget against its decisions; the unit sees them as its history;
 * a reduction takes only what is available; the DPA-wide view sums every unit, for a period too.
 */
@HubIntegrationTest
class BudgetAllocationTest {

    @Autowired
    ApiClient api;
    @Autowired
    Onboarding onboarding;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;

    @Test
    void theUnitSeesEachDecisionAndAReductionTakesOnlyWhatIsAvailable() {
        ApiClient.As admin = api.as("dpa.admin");
        String code = newUnit(admin);
        String budget = "/api/admin/units/" + code + "/budget";

        ResponseEntity<JsonNode> allocated = admin.post(budget + "/allocations",
                decision("100000.00", "DPA-" + code + "/1"));
        assertThat(allocated.getStatusCode()).as("%s", allocated.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(allocated.getHeaders().getLocation()).hasToString(budget + "/history");
        assertThat(allocated.getBody().path("kind").asText()).isEqualTo("ALLOCATED");
        assertThat(admin.post(budget + "/allocations", decision("50000.00", "DPA-" + code + "/2")).getStatusCode())
                .as("a top-up").isEqualTo(HttpStatus.CREATED);
        assertProblem(admin.post(budget + "/allocations", decision("50000.00", "DPA-" + code + "/2")),
                HttpStatus.CONFLICT, "Decision DPA-" + code + "/2 is recorded for unit " + code + " already");

        String orderNumber = placement.placeInStockOrder(code, Map.of("SKF-FPV7", 4)).getOrderNumber();
        JsonNode window = admin.get(budget).getBody();
        assertThat(window.path("reserved").decimalValue()).isEqualByComparingTo("58000.00");
        assertThat(window.path("available").decimalValue()).isEqualByComparingTo("92000.00");

        ResponseEntity<JsonNode> tooMuch = admin.post(budget + "/reductions", decision("92000.01", "R-" + code + "/1"));
        assertProblem(tooMuch, HttpStatus.CONFLICT, "more than the 92000.00 UAH available");
        assertThat(tooMuch.getBody().path("field").asText()).isEqualTo("amount");
        assertThat(tooMuch.getBody().path("reserved").decimalValue()).isEqualByComparingTo("58000.00");
        assertThat(tooMuch.getBody().path("requested").decimalValue()).isEqualByComparingTo("92000.01");
        assertThat(admin.get(budget).getBody()).as("a refused reduction changes nothing").isEqualTo(window);

        assertThat(admin.post(budget + "/reductions", decision("92000.00", "R-" + code + "/1")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        window = admin.get(budget).getBody();
        assertThat(window.path("allocated").decimalValue()).isEqualByComparingTo("58000.00");
        assertThat(window.path("available").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(window.path("reserved").decimalValue()).as("the order keeps its money")
                .isEqualByComparingTo("58000.00");
        placement.form(orderNumber);
        assertBalanced(db);

        Onboarding.Newcomer orderer = onboarding.designateAndActivate(code, "ORDERER");
        ApiClient.As unit = onboarding.loggedIn(orderer);
        JsonNode history = unit.get("/api/budget/history").getBody();
        assertThat(history.findValuesAsText("kind")).containsExactly("ALLOCATED", "ALLOCATED", "REDUCED");
        assertThat(history.findValuesAsText("decisionNumber"))
                .containsExactly("DPA-" + code + "/1", "DPA-" + code + "/2", "R-" + code + "/1");
        assertThat(history.at("/0/amount").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(history.at("/0/decisionDate").asText()).isEqualTo("2026-11-30");
        assertThat(history.at("/0/legalBasis").asText()).startsWith("Order of the DPA");
        assertThat(history.at("/0/recordedAt").isTextual()).isTrue();
        assertThat(unit.get("/api/budget").getBody().path("committed").decimalValue())
                .isEqualByComparingTo("58000.00");
        assertThat(admin.get(budget + "/history").getBody()).isEqualTo(history);
        assertThat(db.queryForList("select action from audit_entry where subject_type = 'unit' and subject_id = ? "
                + "order by id", String.class, code))
                .containsSubsequence("BUDGET_ALLOCATED", "BUDGET_ALLOCATED", "BUDGET_REDUCED");
    }

    @Test
    void theDpaWideViewSumsEveryUnitForAPeriodToo() {
        ApiClient.As admin = api.as("dpa.admin");
        String code = newUnit(admin);
        admin.post("/api/admin/units/" + code + "/budget/allocations", decision("7000.00", "DPA-" + code));

        JsonNode now = api.as("dpa.signatory").get("/api/admin/budgets").getBody();
        assertThat(now.path("currency").asText()).isEqualTo("UAH");
        JsonNode units = now.path("units");
        assertThat(units.findValuesAsText("unitCode")).contains("A1001", "A2002", code);
        for (String bucket : new String[] {"allocated", "reserved", "committed", "spent", "available"}) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (JsonNode unit : units) {
                sum = sum.add(unit.at("/figures/" + bucket).decimalValue());
            }
            assertThat(now.at("/totals/" + bucket).decimalValue()).as(bucket).isEqualByComparingTo(sum);
        }

        String today = java.time.LocalDate.now().toString();
        JsonNode thisPeriod = admin.get("/api/admin/budgets?from=" + today + "&to=" + today).getBody();
        assertThat(figuresOf(thisPeriod, code).path("allocated").decimalValue()).isEqualByComparingTo("7000.00");
        JsonNode later = admin.get("/api/admin/budgets?from=2099-01-01").getBody();
        assertThat(figuresOf(later, code).path("allocated").decimalValue()).isEqualByComparingTo("0");
        assertThat(later.path("from").asText()).isEqualTo("2099-01-01");
        assertProblem(admin.get("/api/admin/budgets?from=2026-12-01&to=2026-11-01"), HttpStatus.BAD_REQUEST,
                "before it starts");
        assertThat(admin.get("/api/admin/budgets?from=yesterday").getBody().path("field").asText())
                .isEqualTo("from");
    }

    @Test
    void aDecisionIsRefusedWithItsFieldAndOnlyAnAdministratorRecordsOne() {
        ApiClient.As admin = api.as("dpa.admin");
        String code = newUnit(admin);
        String allocations = "/api/admin/units/" + code + "/budget/allocations";

        Map<String, Object> negative = decision("-1.00", "N-" + code);
        assertThat(admin.post(allocations, negative).getBody().path("field").asText()).isEqualTo("amount");
        assertThat(admin.post(allocations, decision("1.001", "N-" + code)).getBody().path("field").asText())
                .isEqualTo("amount");
        Map<String, Object> future = decision("1.00", "N-" + code);
        future.put("decisionDate", "2099-01-01");
        assertThat(admin.post(allocations, future).getBody().path("field").asText()).isEqualTo("decisionDate");
        Map<String, Object> noBasis = decision("1.00", "N-" + code);
        noBasis.remove("legalBasis");
        assertThat(admin.post(allocations, noBasis).getBody().path("field").asText()).isEqualTo("legalBasis");
        assertThat(admin.post(allocations, decision("1.00", "x".repeat(41))).getBody().path("field").asText())
                .isEqualTo("decisionNumber");
        assertProblem(admin.post("/api/admin/units/NOPE/budget/allocations", decision("1.00", "N")),
                HttpStatus.NOT_FOUND, "No unit with code NOPE");
        assertThat(api.as("dpa.signatory").post(allocations, decision("1.00", "S-" + code)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("orderer.a1001").post("/api/admin/units/A1001/budget/allocations",
                decision("1.00", "O-" + code)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("orderer.a1001").get("/api/admin/budgets").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.get("/api/admin/units/" + code + "/budget").getBody().path("allocated").decimalValue())
                .as("nothing recorded").isEqualByComparingTo("0");

        admin.post("/api/admin/units/" + code + "/retirement", null);
        assertProblem(admin.post(allocations, decision("1.00", "L-" + code)), HttpStatus.CONFLICT, "is retired");
    }

    private static String newUnit(ApiClient.As admin) {
        String code = "B" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
        assertThat(admin.post("/api/admin/units", Map.of("code", code, "name", "Military unit " + code))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return code;
    }

    private static Map<String, Object> decision(String amount, String number) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("amount", amount);
        decision.put("decisionNumber", number);
        decision.put("decisionDate", "2026-11-30");
        decision.put("legalBasis", "Order of the DPA No. 412 of 30.11.2026 on the drone programme");
        return decision;
    }

    private static JsonNode figuresOf(JsonNode overview, String code) {
        for (JsonNode unit : overview.path("units")) {
            if (unit.path("unitCode").asText().equals(code)) {
                return unit.path("figures");
            }
        }
        throw new AssertionError("no unit " + code + " in " + overview);
    }
}

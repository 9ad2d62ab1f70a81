package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.settlement.Settlements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * People of every role, each logged in of its own (a token and a page session), in two new units, with data of the
 * first: an order its orderer placed, and a delivered order's invoice and acceptance certificate. Skyforge supplies
 * them, so its agent is the data's supplier and Steppe's another. Nothing here is another test's data.
 */
@Component
public class AccessFixture {

    public enum Side { OWN, OTHER, NONE }

    /** Who calls: a role (none for anonymous), of the data's unit or supplier or another, by token and by page. */
    public record Caller(String name, Role role, Side side, String token, PageSession pages) {
    }

    /**
     * @param own by kind of data (order, invoice, certificate), the values of the path variables naming it
     * @param ownUnit the unit the data is of
     */
    public record Fixture(List<Caller> callers, Map<String, Map<String, String>> own, String ownUnit) {

        public Caller caller(Role role, Side side) {
            return callers.stream().filter(caller -> caller.role() == role && caller.side() == side).findFirst()
                    .orElseThrow();
        }

        public Caller anonymous() {
            return callers.get(0);
        }
    }

    private record Person(Onboarding.Newcomer newcomer, Role role, Side side) {
    }

    private final Onboarding onboarding;
    private final Settlements settlements;
    private final ApiClient api;
    private final JdbcTemplate db;
    private final TestClock clock;
    private final TotpCodes totp;
    private final String demoPassword;
    private final String demoSecret;

    AccessFixture(Onboarding onboarding, Settlements settlements, ApiClient api, JdbcTemplate db, TestClock clock,
                  TotpCodes totp, @Value("${hub.demo.password:}") String demoPassword,
                  @Value("${hub.demo.totp-secret:}") String demoSecret) {
        this.onboarding = onboarding;
        this.settlements = settlements;
        this.api = api;
        this.db = db;
        this.clock = clock;
        this.totp = totp;
        this.demoPassword = demoPassword;
        this.demoSecret = demoSecret;
    }

    public Fixture build(URI base) throws Exception {
        String ownUnit = onboarding.unitWithBudget("M", "5000000.00");
        String otherUnit = onboarding.unitWithBudget("M", "5000000.00");
        List<Person> people = new ArrayList<>();
        for (Role role : List.of(Role.ORDERER, Role.RECEIVER, Role.UNIT_SIGNATORY)) {
            people.add(new Person(onboarding.designateAndActivate(ownUnit, role.name()), role, Side.OWN));
            people.add(new Person(onboarding.designateAndActivate(otherUnit, role.name()), role, Side.OTHER));
        }
        for (Role role : List.of(Role.DPA_ADMIN, Role.DPA_SIGNATORY, Role.OPERATOR)) {
            people.add(new Person(onboarding.staff(role.name()), role, Side.NONE));
        }
        people.add(new Person(new Onboarding.Newcomer("skyforge.agent", demoSecret), Role.SUPPLIER, Side.OWN));
        people.add(new Person(new Onboarding.Newcomer("steppe.agent", demoSecret), Role.SUPPLIER, Side.OTHER));

        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, Side.NONE, null, PageSession.anonymous(base)));
        clock.advance(Duration.ofSeconds(30));
        List<String> tokens = new ArrayList<>();
        for (Person person : people) {
            tokens.add(token(person));
        }
        // a code of the next time step for the pages: each code is taken once
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            callers.add(new Caller(person.role() + (person.side() == Side.NONE ? "" : "/" + person.side()),
                    person.role(), person.side(), tokens.get(i), PageSession.loggedIn(base,
                    person.newcomer().username(), password(person), code(person))));
        }
        Fixture fixture = new Fixture(callers, Map.of(), ownUnit);
        return new Fixture(callers, ownData(ownUnit, fixture.caller(Role.ORDERER, Side.OWN).token(),
                fixture.caller(Role.RECEIVER, Side.OWN).token()), ownUnit);
    }

    private String password(Person person) {
        return person.role() == Role.SUPPLIER ? demoPassword : Onboarding.PASSWORD;
    }

    private String code(Person person) {
        return totp.codeAt(person.newcomer().totpSecret(), clock.instant());
    }

    /** A login of the fixture's own: its tokens may be ended by the test, never another test's. */
    private String token(Person person) {
        var login = onboarding.login(person.newcomer().username(), password(person), code(person));
        assertThat(login.getStatusCode()).as("%s", login.getBody()).isEqualTo(HttpStatus.CREATED);
        return login.getBody().get("token").asText();
    }

    private Map<String, Map<String, String>> ownData(String unit, String ordererToken, String receiverToken)
            throws Exception {
        ApiClient.As orderer = api.withToken(ordererToken);
        assertThat(orderer.put("/api/cart/lines/SKF-FPV7", Map.of("quantity", 1)).getStatusCode().is2xxSuccessful())
                .isTrue();
        JsonNode order = orderer.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/orders/0");
        String certificate = settlements.certificateFor(unit, Map.of("SKF-FPV7", 1), api.withToken(receiverToken));
        Map<String, Object> delivered = db.queryForMap("select o.order_number, i.invoice_number, "
                + "i.document_id as invoice, c.document_id as certificate from acceptance_certificate c join acceptance_certificate_invoice "
                + "ci on ci.certificate_id = c.id join expenditure_invoice i on i.id = ci.invoice_id join "
                + "purchase_order o on o.id = i.order_id where c.certificate_number = ?", certificate);
        return Map.of(
                "order", Map.of("orderNumber", order.get("orderNumber").asText(),
                        "documentId", order.get("documentId").asText()),
                "invoice", Map.of("orderNumber", (String) delivered.get("order_number"),
                        "documentId", String.valueOf(delivered.get("invoice")),
                        "invoiceNumber", (String) delivered.get("invoice_number")),
                "certificate", Map.of("certificateNumber", certificate,
                        "documentId", String.valueOf(delivered.get("certificate"))));
    }
}

package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.settlement.Settlements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The authorization matrix, generated: every endpoint the hub serves ({@link HubEndpoints}) called anonymously and
 * as every role, of the unit or supplier the data is of and of another, each answer compared with the endpoint's
 * rule in access-rules.yaml ({@link AccessRules}). Its own units, people and orders, so that no call changes
 * another test's data; the matrix it found is written to target/authorization-matrix.txt.
 */
@HubIntegrationTest
class AuthorizationMatrixTest {

    private static final AccessRules RULES = AccessRules.load();
    private static final PathPatternParser PATHS = new PathPatternParser();

    @Autowired
    ApplicationContext spring;
    @Autowired
    Bus bus;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Settlements settlements;
    @Autowired
    ApiClient api;
    @Autowired
    SupplierConnections partners;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TestClock clock;
    @Autowired
    TotpCodes totp;
    @Value("${hub.demo.password}")
    String demoPassword;
    @Value("${hub.demo.totp-secret}")
    String demoSecret;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    enum Side { OWN, OTHER, NONE }

    /** Who calls: a role (none for anonymous), of the data's unit or supplier or another, by token and by page. */
    record Caller(String name, Role role, Side side, String token, PageSession pages) {
    }

    enum Expected { LOGIN, FORBIDDEN, NOT_FOUND, NOT_SERVED, FOUND, ALLOWED, REFUSED_PARTNER, ACCEPTED_PARTNER }

    @Test
    void everyEndpointHasARuleAndEveryRuleAnEndpoint() {
        List<String> endpoints = HubEndpoints.keys(spring, bus);
        assertThat(endpoints).as("endpoints without a rule in access-rules.yaml")
                .filteredOn(endpoint -> RULES.of(endpoint) == null).isEmpty();
        assertThat(RULES.endpoints()).as("rules in access-rules.yaml naming no endpoint")
                .filteredOn(endpoint -> !endpoints.contains(endpoint)).isEmpty();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() throws Exception {
        URI base = URI.create("http://localhost:" + port);
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
        // the data's supplier is Skyforge's: its agent is the own supplier
        people.add(new Person(new Onboarding.Newcomer("skyforge.agent", demoSecret), Role.SUPPLIER, Side.OWN));
        people.add(new Person(new Onboarding.Newcomer("steppe.agent", demoSecret), Role.SUPPLIER, Side.OTHER));

        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, Side.NONE, null, PageSession.anonymous(base)));
        clock.advance(Duration.ofSeconds(30));
        List<String> tokens = new ArrayList<>();
        for (Person person : people) {
            tokens.add(token(person));
        }
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            callers.add(new Caller(person.role() + (person.side() == Side.NONE ? "" : "/" + person.side()),
                    person.role(), person.side(), tokens.get(i), PageSession.loggedIn(base,
                    person.newcomer().username(), password(person), code(person))));
        }
        Map<String, Map<String, String>> own = ownData(ownUnit, tokenOf(callers, Role.ORDERER),
                tokenOf(callers, Role.RECEIVER));

        List<String> endpoints = new ArrayList<>(HubEndpoints.keys(spring, bus));
        endpoints.sort(Comparator.comparing(endpoint -> RULES.of(endpoint).last()));
        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder("endpoint\t" + String.join("\t", callers.stream()
                .map(Caller::name).toList()) + "\tsigned by the partner\tby another partner\n");
        int answers = 0;
        for (String endpoint : endpoints) {
            AccessRules.Rule rule = RULES.of(endpoint);
            List<String> row = new ArrayList<>();
            for (Caller caller : callers) {
                row.add(call(endpoint, rule, caller, own, wrong));
                answers++;
            }
            if (rule.who() == AccessRules.Who.PARTNER) {
                row.add(partnerCall(endpoint, rule, rule.partner(), Expected.ACCEPTED_PARTNER, own, wrong));
                row.add(partnerCall(endpoint, rule, rule.impostor(), Expected.REFUSED_PARTNER, own, wrong));
                answers += 2;
            }
            matrix.append(endpoint).append('\t').append(String.join("\t", row)).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "authorization-matrix.txt"), matrix);
        System.out.printf("Authorization matrix: %d endpoints x %d callers (and 2 partners' signatures on each of "
                + "the partners' endpoints): %d answers checked, %d not as the rules say%n", endpoints.size(),
                callers.size(), answers, wrong.size());
        assertThat(wrong).as("answers not as access-rules.yaml says").isEmpty();
    }

    private record Person(Onboarding.Newcomer newcomer, Role role, Side side) {
    }

    private String password(Person person) {
        return person.role() == Role.SUPPLIER ? demoPassword : Onboarding.PASSWORD;
    }

    private String code(Person person) {
        return totp.codeAt(person.newcomer().totpSecret(), clock.instant());
    }

    /** A login of the matrix's own: its tokens are ended by the matrix, never another test's. */
    private String token(Person person) {
        var login = onboarding.login(person.newcomer().username(), password(person), code(person));
        assertThat(login.getStatusCode()).as("%s", login.getBody()).isEqualTo(HttpStatus.CREATED);
        return login.getBody().get("token").asText();
    }

    private static String tokenOf(List<Caller> callers, Role role) {
        return callers.stream().filter(caller -> caller.role() == role && caller.side() != Side.OTHER)
                .findFirst().orElseThrow().token();
    }

    /** The own unit's order (placed by its orderer), and a delivered order's invoice and certificate. */
    private Map<String, Map<String, String>> ownData(String unit, String ordererToken, String receiverToken)
            throws Exception {
        ApiClient.As orderer = api.withToken(ordererToken);
        assertThat(orderer.put("/api/cart/lines/SKF-FPV7", Map.of("quantity", 1)).getStatusCode().is2xxSuccessful())
                .isTrue();
        JsonNode order = orderer.post("/api/cart/checkout", Map.of("requiredBy",
                LocalDate.now(clock).plusDays(30).toString())).getBody().at("/orders/0");
        String certificate = settlements.certificateFor(unit, Map.of("SKF-FPV7", 1), api.withToken(receiverToken));
        Map<String, Object> delivered = db.queryForMap("select o.order_number, i.document_id as invoice, "
                + "c.document_id as certificate from acceptance_certificate c join acceptance_certificate_invoice "
                + "ci on ci.certificate_id = c.id join expenditure_invoice i on i.id = ci.invoice_id join "
                + "purchase_order o on o.id = i.order_id where c.certificate_number = ?", certificate);
        return Map.of(
                "order", Map.of("orderNumber", order.get("orderNumber").asText(),
                        "documentId", order.get("documentId").asText()),
                "invoice", Map.of("orderNumber", (String) delivered.get("order_number"),
                        "documentId", String.valueOf(delivered.get("invoice"))),
                "certificate", Map.of("certificateNumber", certificate,
                        "documentId", String.valueOf(delivered.get("certificate"))));
    }

    private static Expected expected(AccessRules.Rule rule, Caller caller) {
        if (rule.who() == AccessRules.Who.ANYONE) {
            return Expected.ALLOWED;
        }
        if (rule.who() == AccessRules.Who.NOBODY) {
            return Expected.NOT_SERVED;
        }
        if (rule.who() == AccessRules.Who.PARTNER) {
            return Expected.REFUSED_PARTNER;
        }
        if (caller.role() == null) {
            return Expected.LOGIN;
        }
        if (!rule.allows(caller.role())) {
            return Expected.FORBIDDEN;
        }
        if (rule.of() != null && caller.side() == Side.OTHER) {
            return Expected.NOT_FOUND;
        }
        return rule.of() != null && !rule.ownFindsNothing() ? Expected.FOUND : Expected.ALLOWED;
    }

    private String call(String endpoint, AccessRules.Rule rule, Caller caller, Map<String, Map<String, String>> own,
                        List<String> wrong) throws IOException {
        String[] parts = endpoint.split(" ");
        String method = "ANY".equals(parts[0]) ? "GET" : parts[0];
        String path = RULES.pathOf(parts[1], rule, ownOf(rule, own));
        PageSession.Answer answer;
        if ("SOAP".equals(method)) {
            answer = soap(parts[1], parts[2], null, caller.token());
        } else if (api(path)) {
            answer = apiCall(method, path, rule, caller.token(), Map.of());
        } else {
            answer = caller.pages().send(method, path, rule.form() == null ? Map.of() : rule.form(),
                    rule.stream() ? "text/event-stream" : "text/html");
            if (!"GET".equals(method) && answer.status() == 302 && saysGone(caller.pages().send("GET",
                    URI.create(answer.location()).getPath(), Map.of()))) {
                // a form's step on data the caller may not see: the next page says it is not there
                answer = new PageSession.Answer(404, answer.contentType(), null, "the next page: not there");
            }
        }
        return verdict(endpoint, caller.name(), expected(rule, caller), api(path) || "SOAP".equals(method), answer,
                wrong);
    }

    private String partnerCall(String endpoint, AccessRules.Rule rule, String partner, Expected expected,
                               Map<String, Map<String, String>> own, List<String> wrong) throws IOException {
        String[] parts = endpoint.split(" ");
        PageSession.Answer answer;
        if ("SOAP".equals(parts[0])) {
            answer = soap(parts[1], parts[2], partner, null);
        } else {
            String body = json.writeValueAsString(rule.body() == null ? Map.of() : rule.body());
            Map<String, String> signature = partners.signed(partner, body).toSingleValueMap();
            answer = apiCall(parts[0], RULES.pathOf(parts[1], rule, Map.of("supplier", rule.partner())), rule, null,
                    signature);
        }
        return verdict(endpoint, "signed by " + partner, expected, true, answer, wrong);
    }

    private static boolean saysGone(PageSession.Answer page) {
        return page.status() == 404 || page.body().contains("Цього немає або вже немає") || page.body().contains("That is not there");
    }

    private static Map<String, String> ownOf(AccessRules.Rule rule, Map<String, Map<String, String>> own) {
        if (rule.of() != null) {
            return own.get(rule.of());
        }
        return rule.partner() == null ? Map.of() : Map.of("supplier", rule.partner());
    }

    private static boolean api(String path) {
        var container = org.springframework.http.server.PathContainer.parsePath(path);
        return Arrays.stream(WebSecurityConfiguration.API).anyMatch(api -> PATHS.parse(api).matches(container));
    }

    private PageSession.Answer apiCall(String method, String path, AccessRules.Rule rule, String token,
                                       Map<String, String> headers) throws IOException {
        String body = json.writeValueAsString(rule.body() == null ? Map.of() : rule.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, "GET".equals(method) || "DELETE".equals(method)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return PageSession.exchange(http, request.build());
    }

    /** A SOAP request of the operation, signed by the partner given (or not at all), with a person's token or none. */
    private PageSession.Answer soap(String address, String operation, String partner, String token) {
        QName element = HubEndpoints.soapRequestElement(bus, address, operation);
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><m:"
                + element.getLocalPart() + " xmlns:m=\"" + element.getNamespaceURI() + "\"/></soap:Body>"
                + "</soap:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + address))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (partner != null) {
            partners.signed(partner, envelope).toSingleValueMap().forEach(request::header);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return PageSession.exchange(http, request.build());
    }

    /** The answer in the matrix's cell; a wrong one is added to the list with what was expected. */
    private static String verdict(String endpoint, String caller, Expected expected, boolean api,
                                  PageSession.Answer answer, List<String> wrong) {
        int status = answer.status();
        boolean problem = answer.contentType().startsWith("application/problem+json");
        boolean toLogin = status == 302 && URI.create(answer.location()).getPath().equals("/login");
        boolean forbidden = status == 403 || status == 302 && answer.location().contains("/showcase?forbidden");
        boolean soapRefusal = answer.body().contains("unauthenticated-supplier");
        boolean partnerRefusal = answer.contentType().startsWith("text/xml") ? soapRefusal : status == 401 && problem;
        boolean right = switch (expected) {
            case LOGIN -> api ? status == 401 && problem : toLogin;
            case FORBIDDEN -> api ? status == 403 && problem : forbidden;
            case NOT_FOUND -> status == 404 && (problem || !api);
            case NOT_SERVED -> (status == 404 || status == 401) && problem;
            case FOUND -> status < 500 && status != 404 && status != 401 && !toLogin && !forbidden;
            case ALLOWED -> status < 500 && status != 401 && !toLogin && !forbidden;
            case REFUSED_PARTNER -> partnerRefusal;
            case ACCEPTED_PARTNER -> !partnerRefusal && status != 401 && status != 403
                    && (status < 500 || answer.body().contains("soap:Client"));
        };
        String cell = status + (answer.location() == null ? "" : " " + answer.location());
        if (!right) {
            wrong.add(endpoint + " as " + caller + ": expected " + expected + ", answered " + cell + " "
                    + answer.body().substring(0, Math.min(200, answer.body().length())).replace('\n', ' '));
        }
        return cell;
    }
}

package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.access.AccessFixture.Caller;
import org.dotchain.hub.access.AccessFixture.Side;
import org.dotchain.hub.integration.SupplierConnections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
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
    AccessFixture fixtures;
    @Autowired
    SupplierConnections partners;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

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
        AccessFixture.Fixture fixture = fixtures.build(URI.create("http://localhost:" + port));
        List<Caller> callers = fixture.callers();
        Map<String, Map<String, String>> own = fixture.own();

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

    private static Expected expected(AccessRules.Rule rule, Caller caller) {
        if (rule.who() == AccessRules.Who.ANYONE) {
            return Expected.ALLOWED;
        }
        if (rule.who() == AccessRules.Who.NOBODY) {
            // nobody's: 404 for everyone, unless the login is asked for first
            return caller.role() == null ? Expected.NOT_SERVED : Expected.NOT_FOUND;
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
        return page.status() == 404 || page.body().contains("Цього немає або вже немає")
                || page.body().contains("That is not there");
    }

    private static Map<String, String> ownOf(AccessRules.Rule rule, Map<String, Map<String, String>> own) {
        if (rule.of() != null) {
            return own.get(rule.of());
        }
        return rule.partner() == null ? Map.of() : Map.of("supplier", rule.partner());
    }

    private static boolean api(String path) {
        PathContainer container = PathContainer.parsePath(path);
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

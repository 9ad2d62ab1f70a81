package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.dotchain.hub.ApiClient;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.integration.SupplierConnections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Input as a hostile caller sends it, over real HTTP (raw bytes where a client library would refuse to send them):
 * every answer a 4xx problem+json naming what is wrong, none with the hub's internals, and nothing changed.
 */
@HubIntegrationTest
class HostileInputTest {

    /** What an answer must never show: class names, packages, queries, stack frames. */
    static final String INTERNALS = "(?s).*(Exception|org\\.[a-z]|java\\.[a-z]|hibernate|\\bselect\\b|\\tat ).*";

    @LocalServerPort
    int port;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SupplierConnections connections;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    String token;

    @BeforeEach
    void asAnOrderer() {
        token = api.as("orderer.a1001").headers().getFirst("Authorization");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=drone%00", "q=%01", "type=%00", "supplier=a%1Bb", "spec.camera=%00",
        "q=%E2%80%AEevil", "q=%EF%BF%BE", "q=%EF%B7%90"})
    void aControlCharacterInAParameterIsRefusedNamingIt(String query) throws Exception {
        JsonNode problem = refused(send("GET", "/api/products?" + query, null), 400);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/invalid-field");
        assertThat(problem.path("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\": 2.5}", "{\"quantity\": \"2\"}", "{\"quantity\": 2} trailing",
        "{\"quantity\": 2}{\"quantity\": 3}", "{\"quantity\": 2147483647}", "{\"quantity\": 99999999999999}",
        "{\"quantity\":", "[]", "nul"})
    void aCartLineThatIsNotOneWholeSensibleQuantityIsRefusedAndTheCartStaysAsItWas(String body) throws Exception {
        String before = cartLines();
        JsonNode problem = refused(send("PUT", "/api/cart/lines/SKF-FPV7", body), 400);
        assertThat(problem.path("type").asText()).isIn("/problems/invalid-field", "/problems/malformed-body");
        assertThat(cartLines()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u001b", "\\ud800", "\\udfff", "\\ufffe", "\\uffff", "\\u202e"})
    void aControlCharacterOrNoCharacterInAJsonStringIsRefusedNamingTheField(String escaped) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"orderer" + escaped + ".a1001\",\"password\":\"x\",\"totpCode\":\"123456\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode problem = refused(answer, 400);
        assertThat(problem.path("field").asText()).isEqualTo("username");
        assertThat(problem.path("detail").asText()).contains("control character");
    }

    @Test
    void anOverlongTextIsRefusedNamingItsFieldBeforeTheDatabaseSeesIt() throws Exception {
        int units = db.queryForObject("select count(*) from military_unit", Integer.class);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/admin/units"))
                .header("Authorization", api.as("dpa.admin").headers().getFirst("Authorization"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"L77\",\"name\":\"" + "n".repeat(5000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode problem = refused(answer, 400);
        assertThat(problem.path("field").asText()).isEqualTo("name");
        assertThat(db.queryForObject("select count(*) from military_unit", Integer.class)).isEqualTo(units);
    }

    /** Every text a request body takes is bounded, and the API description says how far. */
    @Test
    void everyTextOfEveryRequestBodyHasItsBoundInTheApiDescription() throws Exception {
        JsonNode description = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        java.util.List<String> unbounded = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        description.path("paths").forEach(path -> path.forEach(operation -> operation.path("requestBody")
                .path("content").forEach(content -> unboundedTexts(description, content.path("schema"), "", seen,
                        unbounded))));
        assertThat(seen).as("request bodies found").hasSizeGreaterThan(15);
        assertThat(unbounded).as("texts without maxLength").isEmpty();
    }

    private static void unboundedTexts(JsonNode description, JsonNode schema, String where,
                                       java.util.Set<String> seen, java.util.List<String> unbounded) {
        if (schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (seen.add(name)) {
                unboundedTexts(description, description.path("components").path("schemas").path(name), name, seen,
                        unbounded);
            }
            return;
        }
        if ("string".equals(schema.path("type").asText()) && !schema.has("maxLength") && !schema.has("enum")
                && !schema.has("format")) {
            unbounded.add(where);
        }
        unboundedTexts(description, schema.path("items"), where + "[]", seen, unbounded);
        schema.path("properties").fields().forEachRemaining(property -> unboundedTexts(description,
                property.getValue(), where + "." + property.getKey(), seen, unbounded));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        // it says 5 MiB and sends a few bytes: the answer comes before the hub would read it
        String answer = raw("PUT /api/cart/lines/SKF-FPV7 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + 5 * 1024 * 1024
                + "\r\nConnection: close\r\n\r\n{\"quantity\": 1");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("/problems/too-large").doesNotMatch(INTERNALS);
    }

    @Test
    void aBodyThatDoesNotSayItsLengthIsReadNoFurtherThanTheLimit() throws Exception {
        String chunk = "{\"quantity\": 1, \"pad\": \"" + "x".repeat(1_200_000) + "\"}";
        String answer = raw("PUT /api/cart/lines/SKF-FPV7 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("/problems/too-large").doesNotMatch(INTERNALS);
    }

    @Test
    void sortingAndPagingFollowTheDocumentedPolicy() throws Exception {
        JsonNode bySecret = refused(send("GET", "/api/orders?sort=createdBy.passwordHash", null), 400);
        assertThat(bySecret.path("field").asText()).isEqualTo("sort");
        refused(send("GET", "/api/orders?sort=lines", null), 400);
        assertThat(refused(send("GET", "/api/products?page=999999999", null), 400).path("field").asText())
                .isEqualTo("page");
        assertThat(refused(send("GET", "/api/invoices?page=2000000000", null), 400).path("field").asText())
                .isEqualTo("page");
        refused(send("GET", "/api/invoices?sort=order.unit.name", null), 400);
        assertThat(send("GET", "/api/orders?sort=total,desc&size=100000", null).statusCode()).isEqualTo(200);
    }

    @Test
    void likeWildcardsInASearchAreLettersNotPatterns() throws Exception {
        JsonNode all = json.readTree(send("GET", "/api/products?q=", null).body());
        assertThat(all.at("/page/totalElements").asLong()).isPositive();
        for (String wildcard : new String[] {"%25", "_", "%5C"}) {
            assertThat(json.readTree(send("GET", "/api/products?q=" + wildcard, null).body())
                    .at("/page/totalElements").asLong()).as(wildcard).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/products/%2F..%2Fx", "/api/products;jsessionid=1", "//api/products",
        "/api/products/a%5Cb", "/api/products/%00", "/api/products/%0A", "/api/../api/products"})
    void aPathTheContainerOrTheFirewallRefusesIsProblemJsonToo(String path) throws Exception {
        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .doesNotMatch(INTERNALS);
    }

    @Test
    void anOversizedRequestLineIsProblemJson() throws Exception {
        String answer = raw("GET /api/products?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d.*").containsIgnoringCase("application/problem+json")
                .containsPattern("\"type\":\"/problems/(bad-request|too-large)\"").doesNotMatch(INTERNALS);
        String header = raw("GET /api/products HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(header).matches("(?s)HTTP/1.1 4\\d\\d.*")
                .containsPattern("\"type\":\"/problems/(bad-request|too-large)\"").doesNotMatch(INTERNALS);
    }

    @Test
    void noSuchAddressIsAProblemForTheApiAndAPageForABrowser() throws Exception {
        JsonNode problem = refused(send("GET", "/api/no-such-thing", null), 404);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/no-such-page"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isIn(302, 404);
    }

    @Test
    void aPartnersMessageWithANulIsADeadLetterWithItsReason() {
        String messageId = "msg-" + UUID.randomUUID() + "\u0000";
        new JmsTemplate(connections.as("skyforge")).send("supplier.skyforge.inbound", session ->
                session.createTextMessage("{\"contractVersion\":\"1.0\",\"messageType\":\"STOCK_UPDATE\","
                        + "\"messageId\":\"" + messageId.replace("\u0000", "\\u0000") + "\",\"products\":[]}"));
        JsonNode letter = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode found : api.as("operator").get("/api/operations/dead-letters").getBody()) {
                if (found.path("body").asText().contains(messageId.substring(0, 40))) {
                    return found;
                }
            }
            return null;
        }, found -> found != null);
        assertThat(letter.path("reason").asText()).contains("'messageId' holds a control character");
    }

    private JsonNode refused(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotMatch(INTERNALS);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("requestId").asText()).as("the id the log has")
                .isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cartLines() {
        return db.queryForList("select cart_id || ':' || product_id || ':' || quantity from cart_line order by 1",
                String.class).toString();
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // all that is coming: a body said to be longer ends here
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}

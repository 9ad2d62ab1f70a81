package org.dotchain.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.cxf.Bus;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.TestClock;
import org.dotchain.hub.access.AccessFixture;
import org.dotchain.hub.access.AccessRules;
import org.dotchain.hub.access.HubEndpoints;
import org.dotchain.hub.access.Onboarding;
import org.dotchain.hub.access.PageSession;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.access.TotpCodes;
import org.dotchain.hub.integration.RequestSignatures;
import org.dotchain.hub.integration.SupplierConnections;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hostile corpus (src/test/resources/hostile, one folder per class) sent over real HTTP to every endpoint each
 * item applies to: every text, number and path variable of every operation of the API description, every JSON
 * body, the partners' REST endpoints and SOAP operations, signed as their partner so that the item reaches what
 * reads it. Each answer is below 500 and names nothing of the hub's insides; the classes that must be refused are
 * a 4xx problem (or a SOAP client fault); and the database is as it was: the row count of every table and each
 * unit's budget, before and after each class.
 */
@HubIntegrationTest
class HostileCorpusTest {

    private static final AccessRules RULES = AccessRules.load();
    /**
     * Counted or kept by the hub whatever the answer: a failed login's count, the trace, the deadlines' alerts (the
     * audit trail is counted without those and without the verifications pages show).
     */
    private static final Set<String> MOVING_TABLES = Set.of("login_attempt", "message_hop", "alert", "audit_entry");
    private static final String SLOT = "\u0001slot\u0001";
    private static final String SUPPLIER_MESSAGES = "/api/suppliers/steppe/messages";
    private static final String SOAP_SERVICE = "/services/suppliers/viriy";

    @LocalServerPort
    int port;
    @Autowired
    AccessFixture fixtures;
    @Autowired
    ApplicationContext spring;
    @Autowired
    Bus bus;
    @Autowired
    SupplierConnections partners;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TestClock clock;
    @Autowired
    Onboarding onboarding;
    @Autowired
    ConnectionFactory hubConnections;
    @Autowired
    TotpCodes totp;
    @Value("${hub.demo.totp-secret:}")
    String demoSecret;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();
    /** Once for the class, in its first test: Camel starts with each test, not before the class. */
    static AccessFixture.Fixture fixture;
    static JsonNode description;

    @BeforeEach
    void peopleAndTheApiDescription() throws Exception {
        if (fixture != null) {
            return;
        }
        fixture = fixtures.build(base());
        description = json.readTree(PageSession.exchange(http, HttpRequest.newBuilder(base().resolve("/v3/api-docs"))
                .build()).body());
    }

    /** One request of the sweep, and what its answer must be. */
    private record Sent(String what, String item, PageSession.Answer answer) {

        Sent(String what, PageSession.Answer answer) {
            this(what, null, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"control-characters", "direction-overrides", "overlong-strings", "sql-injection",
        "script-injection", "absurd-numbers", "unknown-ids", "encoded-separators"})
    void everySlotOfEveryOperationTakesTheClassAndAnswersWithoutFailingOrChanging(String hostileClass)
            throws Exception {
        HostileCorpus corpus = HostileCorpus.of(hostileClass);
        Snapshot before = snapshot();
        List<Sent> sent = new ArrayList<>();
        int operations = 0;
        for (Operation operation : apiOperations()) {
            if (!operation.rule().last()) {
                operations++;
                sweep(operation, corpus, sent);
            }
        }
        partnerMessageSweep(corpus, sent);
        report(hostileClass, corpus, operations, sent, before, mustBeRefused(hostileClass));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"malformed-json", "oversized-json"})
    void everyJsonBodyTakesTheClassAndIsRefused(String hostileClass) throws Exception {
        HostileCorpus corpus = HostileCorpus.of(hostileClass);
        Snapshot before = snapshot();
        List<Sent> sent = new ArrayList<>();
        int operations = 0;
        for (Operation operation : apiOperations()) {
            if (operation.spec().path("requestBody").isMissingNode()) {
                continue;
            }
            operations++;
            String url = fill(operation.path(), null, null);
            for (HostileCorpus.Item item : corpus.items()) {
                sent.add(new Sent(operation.endpoint() + " " + item.name(), send(operation.method(), url,
                        callerFor(operation.rule()), item.bytes(), Map.of())));
            }
        }
        for (String partnerPath : List.of(SUPPLIER_MESSAGES, "/api/finance/messages")) {
            operations++;
            String partner = partnerPath.equals(SUPPLIER_MESSAGES) ? "steppe" : "dpa-finance";
            for (HostileCorpus.Item item : corpus.items()) {
                sent.add(new Sent("POST " + partnerPath + " " + item.name(), signedPost(partnerPath, partner,
                        item.bytes(), "application/json")));
            }
        }
        report(hostileClass, corpus, operations, sent, before, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"malformed-xml", "xxe", "billion-laughs", "oversized-xml"})
    void everySoapOperationTakesTheClassAndFaults(String hostileClass) throws Exception {
        HostileCorpus corpus = HostileCorpus.of(hostileClass);
        Snapshot before = snapshot();
        List<Sent> sent = new ArrayList<>();
        for (HostileCorpus.Item item : corpus.items()) {
            PageSession.Answer answer = signedPost(SOAP_SERVICE, "viriy", item.bytes(), "text/xml");
            sent.add(new Sent("SOAP " + SOAP_SERVICE + " " + item.name(), answer));
            assertThat(answer.body()).as("%s: nothing of the file system, nothing expanded", item.name())
                    .doesNotContain("root:").doesNotContain("lollol");
        }
        report(hostileClass, corpus, 1, sent, before, true);
    }

    @Test
    void everyPartnerEndpointRefusesForgedSignatures() throws Exception {
        List<JsonNode> forgeries = HostileCorpus.descriptions("forged-signatures");
        Snapshot before = snapshot();
        List<Sent> sent = new ArrayList<>();
        String order = fixture.own().get("order").get("orderNumber");
        String message = "{\"contractVersion\":\"1.0\",\"messageType\":\"ORDER_RESPONSE\",\"messageId\":\"msg-"
                + UUID.randomUUID() + "\",\"orderNumber\":\"" + order + "\",\"responseCode\":\"AP\"}";
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<m:orderResponse xmlns:m=\"https://dotchain.org/contracts/supplier-messages/v1\"><messageId>msg-"
                + UUID.randomUUID() + "</messageId><orderNumber>" + order + "</orderNumber><responseCode>AP"
                + "</responseCode></m:orderResponse></soap:Body></soap:Envelope>";
        for (JsonNode forgery : forgeries) {
            sent.add(new Sent("POST " + SUPPLIER_MESSAGES + " " + forgery, forged(SUPPLIER_MESSAGES, "steppe",
                    message, "application/json", forgery)));
            sent.add(new Sent("POST /api/finance/messages " + forgery, forged("/api/finance/messages",
                    "dpa-finance", message, "application/json", forgery)));
            sent.add(new Sent("SOAP " + SOAP_SERVICE + " " + forgery, forged(SOAP_SERVICE, "viriy", envelope,
                    "text/xml", forgery)));
        }
        for (Sent one : sent) {
            if (one.what().startsWith("SOAP")) {
                assertThat(one.answer().body()).as(one.what()).contains("soap:Client")
                        .contains("<type>unauthenticated-supplier</type>");
            } else {
                assertThat(one.answer().status()).as(one.what()).isEqualTo(401);
                assertThat(one.answer().body()).as(one.what()).contains("/problems/unauthenticated");
            }
        }
        report("forged-signatures", new HostileCorpus("forged-signatures", List.of()), 3, sent, before, true);
    }

    /**
     * A supplier's messages over JMS: malformed and oversized bodies, every text of a despatch advice with an item of
     * the classes that must be refused, and the messages out of their order. Each becomes a dead letter on the
     * supplier's own dead-letter queue at once, its reason the refusal in words; nothing changes.
     */
    @Test
    void overJmsEachItemIsADeadLetterWithItsReasonAndNothingChanges() throws Exception {
        Snapshot before = snapshot();
        JmsTemplate supplier = new JmsTemplate(partners.as("skyforge"));
        Map<String, String> sentItems = new LinkedHashMap<>();
        for (String hostileClass : List.of("malformed-json", "oversized-json")) {
            for (HostileCorpus.Item item : HostileCorpus.of(hostileClass).items()) {
                sendOverJms(supplier, sentItems, hostileClass + " " + item.name(), item.text());
            }
        }
        ObjectNode despatch = despatchAdvice();
        for (String hostileClass : List.of("control-characters", "direction-overrides", "overlong-strings")) {
            for (String slot : slotsOf(despatch, false)) {
                for (HostileCorpus.Item item : HostileCorpus.of(hostileClass).items()) {
                    despatch.put("messageId", "msg-" + UUID.randomUUID());
                    sendOverJms(supplier, sentItems, slot + "=" + item.name(), new String(withSlot(despatch, slot,
                            item.text(), false), StandardCharsets.UTF_8));
                }
            }
        }
        for (HostileCorpus.Item item : HostileCorpus.of("out-of-order").items()) {
            if (item.name().startsWith("skyforge--")) {
                sendOverJms(supplier, sentItems, item.name(), placeholdersFilled(item.text()));
            }
        }
        JmsTemplate operator = new JmsTemplate(hubConnections);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> item : sentItems.entrySet()) {
            operator.setReceiveTimeout(item.getKey().equals("0") ? 60_000 : 20_000);
            Message letter = operator.receiveSelected("supplier.skyforge.inbound.DLQ", "corpusItem = '"
                    + item.getKey() + "'");
            String reason = letter == null ? null : letter.getStringProperty(PartnerHeaders.DEAD_LETTER_REASON);
            if (reason == null || !reason.matches("(?s)[a-z-]+: .+") || reason.matches(HostileInputTest.INTERNALS)) {
                wrong.add(item.getValue() + ": " + (letter == null ? "no dead letter" : reason));
            }
        }
        System.out.printf("Hostile classes over JMS: %d messages, %d dead letters with their reason%n",
                sentItems.size(), sentItems.size() - wrong.size());
        assertThat(wrong).as("the dead letters").isEmpty();
        assertThat(snapshot()).as("the database after the messages over JMS").isEqualTo(before);
    }

    private static void sendOverJms(JmsTemplate supplier, Map<String, String> sentItems, String what, String body) {
        String key = Integer.toString(sentItems.size());
        sentItems.put(key, what);
        supplier.send("supplier.skyforge.inbound", session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("corpusItem", key);
            return message;
        });
    }

    /**
     * Partners' messages at the wrong moment of the cycle (a despatch before the order was accepted, an answer to
     * a delivered order, a signature without its request, a payment before the signatures, another supplier's
     * order): each refused in words, and nothing moves.
     */
    @Test
    void messagesOutOfTheirOrderAreRefusedAndChangeNothing() {
        HostileCorpus corpus = HostileCorpus.of("out-of-order");
        Snapshot before = snapshot();
        List<Sent> sent = new ArrayList<>();
        for (HostileCorpus.Item item : corpus.items()) {
            String partner = item.name().substring(0, item.name().indexOf("--"));
            String message = placeholdersFilled(item.text());
            String path = partner.equals("dpa-finance") ? "/api/finance/messages"
                    : "/api/suppliers/" + partner + "/messages";
            sent.add(new Sent("POST " + path + " " + item.name(), signedPost(path, partner,
                    message.getBytes(StandardCharsets.UTF_8), "application/json")));
        }
        report("out-of-order", corpus, 2, sent, before, true);
    }

    /** A message of the corpus with the fixture's orders, invoice and certificate in it, and a new message id. */
    private String placeholdersFilled(String message) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{{messageId}}", "msg-" + UUID.randomUUID());
        values.put("{{newOrder}}", fixture.own().get("order").get("orderNumber"));
        values.put("{{deliveredOrder}}", fixture.own().get("invoice").get("orderNumber"));
        values.put("{{invoiceNumber}}", fixture.own().get("invoice").get("invoiceNumber"));
        values.put("{{certificateNumber}}", fixture.own().get("certificate").get("certificateNumber"));
        values.put("{{today}}", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        values.put("{{now}}", clock.instant().toString());
        String filled = message;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    /**
     * A TOTP code used once, or out of its time, or another person's, is a wrong code: the same refusal as any,
     * on the API and on the pages, and no login.
     */
    @Test
    void aReplayedOrStaleCodeIsRefusedLikeAnyWrongCode() {
        Onboarding.Newcomer person = onboarding.designateAndActivate(fixture.ownUnit(), "RECEIVER");
        String used = onboarding.code(person.totpSecret());
        assertThat(onboarding.login(person.username(), Onboarding.PASSWORD, used).getStatusCode().value())
                .isEqualTo(201);
        Snapshot before = snapshot();
        List<Sent> sent = new ArrayList<>();
        for (JsonNode replay : HostileCorpus.descriptions("replayed-totp")) {
            long steps = replay.path("steps").asLong();
            String code = switch (replay.path("code").asText()) {
                case "used" -> used;
                case "of another person" -> totp.codeAt(demoSecret, clock.instant());
                case "not digits" -> "abcdef";
                case "too long" -> used + "0";
                default -> totp.codeAt(person.totpSecret(), clock.instant().plusSeconds(30 * steps));
            };
            var answer = onboarding.login(person.username(), Onboarding.PASSWORD, code);
            sent.add(new Sent("POST /api/auth/tokens " + replay, new PageSession.Answer(answer.getStatusCode().value(),
                    String.valueOf(answer.getHeaders().getContentType()), null, String.valueOf(answer.getBody()))));
            assertThat(answer.getBody().path("type").asText()).as("%s", replay).isIn("/problems/login-refused",
                    "/problems/invalid-field");
            PageSession page = PageSession.anonymous(base());
            page.send("POST", "/login", Map.of("username", person.username(), "password", Onboarding.PASSWORD));
            PageSession.Answer second = page.send("POST", "/login/code", Map.of("code", code));
            assertThat(second.status()).as("the code step of the pages, %s", replay).isEqualTo(302);
            assertThat(URI.create(second.location()).getPath()).as("back to the password, %s", replay)
                    .isEqualTo("/login");
        }
        report("replayed-totp", new HostileCorpus("replayed-totp", List.of()), 2, sent, before, true);
    }

    /**
     * Every form of every page, as its people see it, sent with an item in each of its fields: never a failure or
     * the hub's insides, and nothing changed. Only the classes that must be refused: a form taken would act (a
     * supplier suspended, a budget allocated) on the demo data other tests use.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"control-characters", "direction-overrides", "overlong-strings"})
    void everyFieldOfEveryFormTakesTheClassAndNothingChanges(String hostileClass) {
        HostileCorpus corpus = HostileCorpus.of(hostileClass);
        List<HostileCorpus.Item> items = corpus.items().subList(0, Math.min(4, corpus.items().size()));
        List<Sent> sent = new ArrayList<>();
        Map<String, PageForm> forms = new TreeMap<>();
        for (Map.Entry<String, AccessFixture.Caller> page : pages().entrySet()) {
            PageSession.Answer answer = page.getValue().pages().send("GET", page.getKey(), Map.of());
            for (PageForm form : PageForm.in(answer.body())) {
                forms.putIfAbsent(form.method() + " " + form.action(), form.by(page.getValue()));
            }
        }
        Snapshot before = snapshot();
        for (PageForm form : forms.values()) {
            for (String field : form.fields().keySet()) {
                for (HostileCorpus.Item item : items) {
                    Map<String, String> fields = new LinkedHashMap<>(form.fields());
                    fields.put(field, item.text());
                    sent.add(new Sent(form.method() + " " + form.action() + " " + field + "=" + item.name(),
                            item.text(), form.submit(fields)));
                }
            }
        }
        assertThat(forms).as("forms found on the pages").hasSizeGreaterThan(15);
        report("pages, " + hostileClass, new HostileCorpus(hostileClass, items), forms.size(), sent, before, false);
        assertThat(snapshot()).as("the database after the pages' %s", hostileClass).isEqualTo(before);
    }

    /** Each page people open, as one who may, on the fixture's own data: the pages the forms are on. */
    private Map<String, AccessFixture.Caller> pages() {
        Map<String, AccessFixture.Caller> pages = new TreeMap<>();
        Map<String, String> own = new LinkedHashMap<>(fixture.own().get("order"));
        own.put("code", fixture.ownUnit());
        for (String endpoint : HubEndpoints.keys(spring, bus)) {
            AccessRules.Rule rule = RULES.of(endpoint);
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (!endpoint.startsWith("GET ") || path.startsWith("/api") || path.startsWith("/actuator")
                    || path.startsWith("/v3") || path.contains("*") || path.contains(".") || rule.stream()
                    || !(rule.who() == AccessRules.Who.ROLES || rule.who() == AccessRules.Who.ANYONE)) {
                continue;
            }
            Map<String, String> values = rule.of() == null ? own : fixture.own().get(rule.of());
            String filled = RULES.pathWith(path, values);
            pages.put(filled, callerFor(rule));
        }
        pages.put("/showcase/SKF-FPV7", fixture.caller(Role.ORDERER, AccessFixture.Side.OWN));
        return pages;
    }

    // ---- the sweep of one operation

    /** An operation of the API description, as "POST /api/...", with its rule. */
    private record Operation(String method, String path, JsonNode spec, AccessRules.Rule rule) {

        String endpoint() {
            return method + " " + path;
        }
    }

    /** The API's operations that people call (the partners' are swept on their own). */
    private static List<Operation> apiOperations() {
        List<Operation> operations = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> {
                    AccessRules.Rule rule = RULES.of(method.getKey().toUpperCase() + " " + path.getKey());
                    if (path.getKey().startsWith("/api/") && rule != null && rule.who() != AccessRules.Who.PARTNER
                            && rule.who() != AccessRules.Who.NOBODY) {
                        operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(),
                                rule));
                    }
                }));
        return operations;
    }

    private void sweep(Operation operationOf, HostileCorpus corpus, List<Sent> sent) throws Exception {
        String endpoint = operationOf.endpoint();
        String method = operationOf.method();
        String pathPattern = operationOf.path();
        JsonNode operation = operationOf.spec();
        AccessFixture.Caller caller = callerFor(operationOf.rule());
        JsonNode body = defaultBody(operation);
        boolean numbers = corpus.hostileClass().equals("absurd-numbers");
        boolean pathsOnly = corpus.hostileClass().equals("unknown-ids")
                || corpus.hostileClass().equals("encoded-separators");
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            String type = schemaOf(parameter.path("schema")).path("type").asText("string");
            boolean inPath = parameter.path("in").asText().equals("path");
            if (!inPath && (pathsOnly || !parameter.path("in").asText().equals("query"))) {
                continue;
            }
            if (!pathsOnly && numbers != (type.equals("integer") || type.equals("number"))) {
                continue;
            }
            for (HostileCorpus.Item item : corpus.items()) {
                String value = corpus.hostileClass().equals("encoded-separators") ? item.text()
                        : encodable(item.text()) ? URLEncoder.encode(item.text(), StandardCharsets.UTF_8) : null;
                if (value == null) {
                    continue;
                }
                String url = inPath ? fill(pathPattern, name, value) : fill(pathPattern, null, null) + "?" + name
                        + "=" + value;
                byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
                sent.add(new Sent(endpoint + " " + name + "=" + item.name(), item.text(),
                        corpus.hostileClass().equals("encoded-separators") ? raw(method, url, caller, bytes)
                                : send(method, url, caller, bytes, Map.of())));
            }
        }
        if (body == null || pathsOnly) {
            return;
        }
        for (String slot : leaves(body, "", numbers)) {
            for (HostileCorpus.Item item : corpus.items()) {
                sent.add(new Sent(endpoint + " " + slot + "=" + item.name(), item.text(), send(method,
                        fill(pathPattern, null, null), caller, withSlot(body, slot, item.text(), numbers), Map.of())));
            }
        }
    }

    /** The partners' messages with the item in each of their texts, signed by the partner: REST and SOAP. */
    private void partnerMessageSweep(HostileCorpus corpus, List<Sent> sent) throws Exception {
        if (corpus.hostileClass().equals("unknown-ids") || corpus.hostileClass().equals("encoded-separators")) {
            return;
        }
        boolean numbers = corpus.hostileClass().equals("absurd-numbers");
        ObjectNode despatch = despatchAdvice();
        for (String slot : slotsOf(despatch, numbers)) {
            for (HostileCorpus.Item item : corpus.items()) {
                despatch.put("messageId", "msg-" + UUID.randomUUID());
                sent.add(new Sent("POST " + SUPPLIER_MESSAGES + " " + slot + "=" + item.name(), item.text(), signedPost(
                        SUPPLIER_MESSAGES, "steppe", withSlot(despatch, slot, item.text(), numbers),
                        "application/json")));
            }
        }
        if (numbers) {
            return;
        }
        for (String field : List.of("messageId", "orderNumber", "responseCode", "reason")) {
            for (HostileCorpus.Item item : corpus.items()) {
                Map<String, String> values = new LinkedHashMap<>(Map.of("messageId", "msg-" + UUID.randomUUID(),
                        "orderNumber", "ORD-2026-999999", "responseCode", "RE", "reason", "none"));
                values.put(field, xmlText(item.text()));
                StringBuilder envelope = new StringBuilder("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/"
                        + "soap/envelope/\"><soap:Body><m:orderResponse xmlns:m=\"https://dotchain.org/contracts/"
                        + "supplier-messages/v1\">");
                values.forEach((name, value) -> envelope.append('<').append(name).append('>').append(value)
                        .append("</").append(name).append('>'));
                envelope.append("</m:orderResponse></soap:Body></soap:Envelope>");
                sent.add(new Sent("SOAP " + SOAP_SERVICE + " " + field + "=" + item.name(), item.text(),
                        signedPost(SOAP_SERVICE,
                        "viriy", envelope.toString().getBytes(StandardCharsets.UTF_8), "text/xml")));
            }
        }
    }

    /** A supplier's despatch advice for an order of no one's. */
    private ObjectNode despatchAdvice() throws Exception {
        return (ObjectNode) json.readTree("{\"contractVersion\":\"1.0\",\"messageType\":\"DESPATCH_ADVICE\","
                + "\"messageId\":\"m\",\"orderNumber\":\"ORD-2026-999999\",\"despatchNumber\":\"D-1\","
                + "\"despatchedAt\":\"2026-11-25T09:30:00Z\",\"expectedArrival\":\"2026-12-01\",\"lines\":"
                + "[{\"lineNumber\":1,\"quantity\":1,\"serialNumbers\":[\"SN-1\"]}]}");
    }

    /** A message's texts (or numbers) but the contract's own constants, which say what the message is. */
    private static List<String> slotsOf(ObjectNode message, boolean numbers) {
        List<String> slots = leaves(message, "", numbers);
        slots.removeAll(List.of("/contractVersion", "/messageType"));
        return slots;
    }

    // ---- requests

    private AccessFixture.Caller callerFor(AccessRules.Rule rule) {
        if (rule.who() != AccessRules.Who.ROLES) {
            return fixture.anonymous();
        }
        Role role = rule.roles().iterator().next();
        return fixture.callers().stream().filter(caller -> caller.role() == role
                && caller.side() != AccessFixture.Side.OTHER).findFirst().orElseThrow();
    }

    private String fill(String pattern, String variable, String value) {
        return RULES.pathWith(pattern, variable == null ? Map.of() : Map.of(variable, value));
    }

    private PageSession.Answer send(String method, String url, AccessFixture.Caller caller, byte[] body,
                                    Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + url))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        headers.forEach(request::header);
        return PageSession.exchange(http, request.build());
    }

    /** A request as bytes on a socket, its path as given: what an HTTP client would normalise or refuse. */
    private PageSession.Answer raw(String method, String path, AccessFixture.Caller caller, byte[] body)
            throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            if (caller.token() != null) {
                head.append("Authorization: Bearer ").append(caller.token()).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body;
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            var type = Pattern.compile("(?im)^content-type:\\s*(\\S+)").matcher(answer);
            int split = answer.indexOf("\r\n\r\n");
            return new PageSession.Answer(status, type.find() ? type.group(1) : "", null,
                    split < 0 ? "" : answer.substring(split + 4));
        }
    }

    private PageSession.Answer signedPost(String path, String partner, byte[] body, String type) {
        Map<String, String> signature = new TreeMap<>();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        signature.put(RequestSignatures.TIMESTAMP, timestamp);
        signature.put(RequestSignatures.SIGNATURE, partners.signatureOf(partner, timestamp, body));
        return post(path, body, type, signature);
    }

    private PageSession.Answer post(String path, byte[] body, String type, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type.equals("text/xml")) {
            request.header("SOAPAction", "\"\"");
        }
        headers.forEach(request::header);
        return PageSession.exchange(http, request.build());
    }

    /** A request signed as the forgery describes: a header missing, a stale time, another key, an altered body. */
    private PageSession.Answer forged(String path, String partner, String message, String type, JsonNode forgery) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        String timestamp = switch (forgery.path("timestamp").asText()) {
            case "stale" -> Long.toString(now - 3600);
            case "future" -> Long.toString(now + 3600);
            case "not-a-number" -> "yesterday";
            default -> Long.toString(now);
        };
        String signer = forgery.path("key").asText().equals("impostor") ? (partner.equals("steppe") ? "skyforge"
                : "steppe") : partner;
        String signature = forgery.path("key").asText().equals("random")
                ? Base64.getEncoder().encodeToString(RequestSignatures.sign(new byte[32], timestamp, body))
                : partners.signatureOf(signer, timestamp, body);
        signature = switch (forgery.path("signature").asText()) {
            case "not-base64" -> "%%% not base64 %%%";
            case "empty" -> "";
            default -> signature;
        };
        if (forgery.has("body")) {
            body = message.replace("AP", "RE").getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        if (!forgery.path("timestamp").asText().equals("missing")) {
            headers.put(RequestSignatures.TIMESTAMP, timestamp);
        }
        if (!forgery.path("signature").asText().equals("missing")) {
            headers.put(RequestSignatures.SIGNATURE, signature);
        }
        return post(path, body, type, headers);
    }

    // ---- bodies from the API description

    private JsonNode schemaOf(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : description.at(ref.substring(1));
    }

    private JsonNode defaultBody(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode media = content.path("application/json");
        return media.isMissingNode() ? null : defaultOf(media.path("schema"), 0);
    }

    private JsonNode defaultOf(JsonNode schema, int depth) {
        JsonNode resolved = schemaOf(schema);
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = json.createObjectNode();
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), defaultOf(property.getValue(), depth + 1)));
                }
                return object;
            }
            case "array": {
                ArrayNode array = json.createArrayNode();
                if (depth < 4) {
                    array.add(defaultOf(resolved.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
            case "number":
                return json.getNodeFactory().numberNode(1);
            case "boolean":
                return json.getNodeFactory().booleanNode(true);
            default:
                if (resolved.has("enum")) {
                    return resolved.get("enum").get(0);
                }
                String format = resolved.path("format").asText();
                return json.getNodeFactory().textNode(switch (format) {
                    case "date" -> LocalDate.now(clock).plusDays(30).toString();
                    case "date-time" -> clock.instant().toString();
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> "x";
                });
        }
    }

    /** The JSON pointers of the body's texts (or of its numbers). */
    private static List<String> leaves(JsonNode node, String at, boolean numbers) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> leaves.addAll(leaves(field.getValue(), at + "/" + field.getKey(),
                    numbers)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(leaves(node.get(i), at + "/" + i, numbers));
            }
        } else if (numbers ? node.isNumber() : node.isTextual()) {
            leaves.add(at);
        }
        return leaves;
    }

    /** The body with the item at the slot: a JSON string of it (every char beyond ASCII escaped), or the raw token. */
    private byte[] withSlot(JsonNode body, String slot, String item, boolean raw) throws Exception {
        JsonNode copy = body.deepCopy();
        String parent = slot.substring(0, slot.lastIndexOf('/'));
        String key = slot.substring(slot.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
        if (container.isArray()) {
            ((ArrayNode) container).set(Integer.parseInt(key), SLOT);
        } else {
            ((ObjectNode) container).put(key, SLOT);
        }
        String text = json.writeValueAsString(copy);
        String placeholder = json.writeValueAsString(SLOT);
        return text.replace(placeholder, raw ? item : jsonString(item)).getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append("\\u").append(HexFormat.of().toHexDigits(c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    private static String xmlText(String text) {
        StringBuilder xml = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '&' -> xml.append("&amp;");
                default -> xml.appendCodePoint(c);
            }
        });
        return xml.toString();
    }

    private static boolean encodable(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    // ---- what must hold

    private static boolean mustBeRefused(String hostileClass) {
        return Set.of("control-characters", "direction-overrides", "overlong-strings", "unknown-ids",
                "encoded-separators").contains(hostileClass);
    }

    /**
     * Every answer below 500 (a SOAP client fault aside), without the hub's insides (what it echoes of the item
     * aside), and, for a class that must be refused, a 4xx problem or client fault; the database as it was. A class
     * whose items are only unusual text (an injection string is a name like any other) may be taken: then nothing
     * shrank and no unit's budget moved.
     */
    private void report(String hostileClass, HostileCorpus corpus, int operations, List<Sent> sent,
                        Snapshot before, boolean refused) {
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Sent one : sent) {
            PageSession.Answer answer = one.answer();
            boolean soap = answer.contentType().startsWith("text/xml");
            boolean problem = answer.contentType().startsWith("application/problem+json");
            boolean fault = soap && answer.body().contains("soap:Client");
            boolean page = answer.contentType().startsWith("text/html");
            boolean isRefusal = fault || answer.status() >= 400 && answer.status() < 500 && (problem || page);
            if (isRefusal) {
                refusals++;
            }
            String shown = withoutEcho(answer.body(), one.item());
            if (page) {
                // a page's own <select> is no query
                shown = shown.replace("<select", "<").replace("</select", "</");
            }
            if (shown.matches(HostileInputTest.INTERNALS)) {
                wrong.add(one.what() + ": internals in " + excerpt(answer));
            } else if (answer.status() >= 500 && !fault) {
                wrong.add(one.what() + ": " + excerpt(answer));
            } else if (refused && !isRefusal) {
                wrong.add(one.what() + ": not refused, " + excerpt(answer));
            }
        }
        System.out.printf("Hostile class %s: %d items, %d endpoints, %d requests, %d refused%n", hostileClass,
                corpus.items().size(), operations, sent.size(), refusals);
        assertThat(wrong).as("answers to %s", hostileClass).isEmpty();
        Snapshot after = snapshot();
        if (refused) {
            assertThat(after).as("the database after %s", hostileClass).isEqualTo(before);
        } else {
            before.counts().forEach((table, count) -> assertThat(after.counts().get(table))
                    .as("rows of %s after %s", table, hostileClass).isGreaterThanOrEqualTo(count));
            assertThat(after.budgets()).as("the budgets after %s", hostileClass)
                    .containsAllEntriesOf(before.budgets());
        }
    }

    /** The answer without the item, as given and as the hub writes it back in JSON or in a path. */
    private String withoutEcho(String body, String item) {
        if (item == null || item.isEmpty()) {
            return body;
        }
        String json = jsonString(item);
        String unescaped = body.replace(item, "").replace(json.substring(1, json.length() - 1), "")
                .replace(URLEncoder.encode(item, StandardCharsets.UTF_8), "");
        try {
            return unescaped.replace(URLDecoder.decode(item.replace("+", "%2B"), StandardCharsets.UTF_8),
                    "");
        } catch (IllegalArgumentException notEncoded) {
            return unescaped;
        }
    }

    private static String excerpt(PageSession.Answer answer) {
        String body = answer.body().replace('\n', ' ');
        return answer.status() + " " + body.substring(0, Math.min(300, body.length()));
    }

    /** The row count of every table but those that move whatever the answer, and each unit's budget. */
    private record Snapshot(Map<String, Long> counts, Map<Object, String> budgets) {
    }

    private Snapshot snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : db.queryForList("select table_name from information_schema.tables where table_schema "
                + "= 'public' and table_type = 'BASE TABLE' and table_name not like 'qrtz%' and table_name not like "
                + "'flyway%'", String.class)) {
            if (!MOVING_TABLES.contains(table)) {
                counts.put(table, db.queryForObject("select count(*) from " + table, Long.class));
            }
        }
        // the audit trail records alerts the deadlines raise and verifications a page shows, whatever is sent
        counts.put("audit_entry", db.queryForObject("select count(*) from audit_entry where action not like "
                + "'ALERT%' and action <> 'DOCUMENT_VERIFIED'", Long.class));
        Map<Object, String> budgets = new TreeMap<>();
        db.queryForList("select * from unit_budget").forEach(budget -> budgets.put(String.valueOf(
                budget.get("unit_id")), budget.toString()));
        return new Snapshot(counts, budgets);
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}

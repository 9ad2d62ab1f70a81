package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dotchain.hub.access.TotpCodes;

/** A packaged demo hub's REST API as its demo people use it, over real HTTP: a login with password and TOTP, orders. */
final class DemoApi {

    static final String PASSWORD = "demo-password-2026";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** By status, the 5xx answers the hub gave. */
    private final Map<Integer, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    /** The first few 500 answers, each with its request, for whoever reads a failed run. */
    private final List<String> internalErrors = Collections.synchronizedList(new ArrayList<>());

    DemoApi(HubProcess hub) {
        this(hub.baseUrl());
    }

    /** The API at the address, a hub's or a balancer's in front of several instances. */
    DemoApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A bearer token, or empty when this TOTP code was used for the account already (the next one will do). */
    Optional<String> tryLogin(String username) throws IOException, InterruptedException {
        HttpResponse<String> login = call(null, "POST", "/api/auth/tokens", Map.of("username", username,
                "password", PASSWORD, "totpCode", new TotpCodes(Clock.systemUTC()).codeAt(TOTP_SECRET, Instant.now())));
        return login.statusCode() == 201 ? Optional.of(json.readTree(login.body()).path("token").asText())
                : Optional.empty();
    }

    /** The orders of a checkout of the product, each signed by the orderer, so FORMED and on their way. */
    List<String> orderAndSign(String token, String product, int quantity) throws IOException, InterruptedException {
        List<String> orders = new ArrayList<>();
        for (JsonNode order : checkout(token, product, quantity)) {
            HttpResponse<String> signed = call(token, "POST", "/api/documents/" + order.path("documentId").asLong()
                    + "/development-signatures", null);
            if (signed.statusCode() >= 300) {
                throw new IllegalStateException("Signing answered " + signed.statusCode() + ": " + signed.body());
            }
            orders.add(order.path("orderNumber").asText());
        }
        return orders;
    }

    /** The orders (awaiting the orderer's signature) of a checkout of the product: number and documentId each. */
    JsonNode checkout(String token, String product, int quantity) throws IOException, InterruptedException {
        call(token, "PUT", "/api/cart/lines/" + product, Map.of("quantity", quantity));
        HttpResponse<String> checkout = call(token, "POST", "/api/cart/checkout",
                Map.of("requiredBy", LocalDate.now().plusDays(30).toString()));
        if (checkout.statusCode() >= 300) {
            throw new IllegalStateException("Checkout answered " + checkout.statusCode() + ": " + checkout.body());
        }
        return json.readTree(checkout.body()).path("orders");
    }

    /** The JSON of a GET that answered 200; an IllegalStateException for any other answer. */
    JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = call(token, "GET", path, null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }

    /** Signs the document with the caller's development key: the status the hub answered. */
    int sign(String token, long documentId) throws IOException, InterruptedException {
        return call(token, "POST", "/api/documents/" + documentId + "/development-signatures", null).statusCode();
    }

    HttpResponse<String> call(String token, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 500) {
            serverErrors.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
        }
        if (answer.statusCode() == 500 && internalErrors.size() < 5) {
            internalErrors.add(method + " " + path + ": " + answer.body());
        }
        return answer;
    }

    /** By status, how many 5xx answers the hub gave so far. */
    Map<Integer, Integer> serverErrors() {
        Map<Integer, Integer> figures = new TreeMap<>();
        serverErrors.forEach((status, count) -> figures.put(status, count.get()));
        return figures;
    }

    /** The first few 500 answers: each request, and the problem the hub answered (with its request id). */
    List<String> internalErrors() {
        return List.copyOf(internalErrors);
    }

    String problemType(HttpResponse<String> response) {
        try {
            return json.readTree(response.body()).path("type").asText("(no problem type)");
        } catch (IOException e) {
            return "(not problem+json)";
        }
    }
}

package org.dotchain.hub.access;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages as one browser session sees them, over plain HTTP: its cookie, the form token of its latest page, no
 * redirect followed. A live stream's answer is its status and headers only.
 */
public final class PageSession {

    public record Answer(int status, String contentType, String location, String body) {
    }

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null,
            CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();
    private String formToken;

    private PageSession(URI base) {
        this.base = base;
    }

    /** A session that has not logged in, with the login page's form token. */
    public static PageSession anonymous(URI base) {
        PageSession session = new PageSession(base);
        session.send("GET", "/login", Map.of());
        return session;
    }

    /** A session through the login's two steps; fails unless both pass. */
    public static PageSession loggedIn(URI base, String username, String password, String code) {
        PageSession session = anonymous(base);
        Answer first = session.send("POST", "/login", Map.of("username", username, "password", password));
        session.expectRedirect(first, "/login/code", username);
        session.send("GET", "/login/code", Map.of());
        Answer second = session.send("POST", "/login/code", Map.of("code", code));
        session.expectRedirect(second, "/", username);
        session.send("GET", "/showcase", Map.of());
        return session;
    }

    private void expectRedirect(Answer answer, String to, String username) {
        if (answer.status() != 302 || !to.equals(URI.create(answer.location()).getPath())) {
            throw new IllegalStateException("The page login of " + username + " answered " + answer.status() + " "
                    + answer.location());
        }
    }

    /** A page's request: a form's fields with the session's form token for anything but GET. */
    public Answer send(String method, String path, Map<String, String> form) {
        return send(method, path, form, "text/html");
    }

    public Answer send(String method, String path, Map<String, String> form, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        if ("GET".equals(method)) {
            request.GET();
        } else {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (formToken != null) {
                fields.put("_csrf", formToken);
            }
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                            .collect(Collectors.joining("&"))));
        }
        Answer answer = exchange(http, request.build());
        Matcher token = FORM_TOKEN.matcher(answer.body());
        if (token.find()) {
            formToken = token.group(1);
        }
        return answer;
    }

    /** One request and its answer; of a live stream, the status and headers only. */
    public static Answer exchange(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (InputStream in = response.body()) {
                body = type.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), type, response.headers().firstValue("Location").orElse(null),
                    body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

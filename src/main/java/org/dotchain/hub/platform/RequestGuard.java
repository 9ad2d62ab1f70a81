package org.dotchain.hub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request, before anything reads it: a request id for the answer and the log; a body larger
 * than hub.web.max-request-body refused with 413 (one that does not say its length, once it has sent that much); a
 * path or a parameter with a character {@link TextHygiene} refuses answered 400, naming the parameter; a partner's
 * REST message that is not UTF-8, 400. Each refusal is one log line, not a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestGuard extends OncePerRequestFilter {

    public static final String REQUEST_ID = "requestId";
    /** Where machines call: a refusal is problem+json (or their contract's answer) even to a browser. */
    private static final List<String> MACHINE_PATHS = List.of("/api/", "/services/", "/actuator/", "/v3/",
            "/contracts/");
    /** The partners' own transports, which bound what they read (PartnerGate, SoapSignatures). */
    private static final List<String> PARTNER_PATHS = List.of("/services/", "/api/suppliers/", "/api/finance/");
    /** Of those, the REST ones, whose JSON body is read here whole and checked to be UTF-8 ({@link ReadBody}). */
    private static final List<String> REST_PARTNER_PATHS = List.of("/api/suppliers/", "/api/finance/");
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Headers about the answer the chain began, not about every answer: gone when the hub answers instead. */
    private static final Set<String> ABOUT_THE_CHAINS_ANSWER = Set.of("content-type", "content-length",
            "content-encoding", "content-range", "content-disposition", "content-language", "set-cookie",
            "cache-control", "expires", "pragma", "etag", "last-modified", "location");
    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    private final long maxBody;

    RequestGuard(@Value("${hub.web.max-request-body:1MB}") DataSize maxBody) {
        this.maxBody = maxBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, id);
        // for the error dispatch too, which runs after this filter is done (ErrorAnswers)
        request.setAttribute(REQUEST_ID, id);
        response.setHeader(REQUEST_ID_HEADER, id);
        try {
            ProblemDetail refusal = refusalOf(request);
            HttpServletRequest passed = request;
            if (refusal == null && REST_PARTNER_PATHS.stream().anyMatch(request.getRequestURI()::startsWith)) {
                ReadBody read = ReadBody.of(request, maxBody);
                // past the limit, what was read goes on: the partner's gate refuses it as its contract says
                refusal = read == null ? Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "The body is not "
                        + "UTF-8 text") : null;
                passed = read;
            }
            if (refusal == null) {
                boolean unbounded = passed.getContentLengthLong() < 0
                        && PARTNER_PATHS.stream().noneMatch(request.getRequestURI()::startsWith);
                passOn(unbounded ? new BoundedBody(passed, maxBody) : passed, response, chain);
                return;
            }
            log.info("Refused {} {}: {}", request.getMethod(), TextHygiene.isClean(request.getRequestURI())
                    ? request.getRequestURI() : "(a path with control characters)", refusal.getDetail());
            if (wantsAPage(request)) {
                // the hub's problem page, in the reader's language (ErrorAnswers)
                response.sendError(refusal.getStatus());
                return;
            }
            ProblemResponses.write(response, refusal);
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    /**
     * The rest of the chain. A failure there that is the database away (met before any controller, in the login's
     * check of a token or a page's session, or in a page's controller) is the hub's 503 with a Retry-After, as the
     * API's controllers answer it; any other is its 500, logged once here with the request id the answer quotes.
     * Neither is the container's own answer.
     */
    private static void passOn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted()) {
                // too late for an answer of the hub's: the container ends the response and logs the stack trace
                log.error("Request {} failed after its answer began: {}", MDC.get(REQUEST_ID),
                        NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
                throw failure;
            }
            boolean databaseAway = DatabaseAway.causedBy(failure);
            if (databaseAway) {
                log.warn("Request {} failed: the database connection was lost ({})", MDC.get(REQUEST_ID),
                        NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
            } else {
                log.error("Request {} failed", MDC.get(REQUEST_ID), failure);
            }
            resetForTheHubsAnswer(response);
            if (databaseAway) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseAway.RETRY_AFTER_SECONDS));
            }
            if (wantsAPage(request)) {
                // the hub's problem page (ErrorAnswers)
                response.sendError(databaseAway ? HttpStatus.SERVICE_UNAVAILABLE.value()
                        : HttpStatus.INTERNAL_SERVER_ERROR.value());
                return;
            }
            ProblemResponses.write(response, databaseAway ? DatabaseAway.problem() : Problems.internal());
        }
    }

    /**
     * What the chain began of its own answer goes (its body, its content, a cookie, how long to cache it); the
     * headers that are about every answer stay: the request id and the security headers Spring Security wrote.
     */
    private static void resetForTheHubsAnswer(HttpServletResponse response) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!ABOUT_THE_CHAINS_ANSWER.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        response.reset();
        kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The query's parameters, decoded; null for a query that does not decode. */
    private static Map<String, String[]> queryOf(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return Map.of();
        }
        try {
            Map<String, String[]> parameters = new LinkedHashMap<>();
            for (String pair : request.getQueryString().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8), new String[] {
                    nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : ""});
            }
            return parameters;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static boolean wantsAPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && MACHINE_PATHS.stream()
                .noneMatch(request.getRequestURI()::startsWith);
    }

    private ProblemDetail refusalOf(HttpServletRequest request) {
        boolean partner = PARTNER_PATHS.stream().anyMatch(request.getRequestURI()::startsWith);
        // a partner's transport bounds its messages itself and answers as its contract says (a SOAP fault)
        if (request.getContentLengthLong() > maxBody && !partner) {
            return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request body is larger than "
                    + maxBody + " bytes");
        }
        if (!TextHygiene.isClean(request.getRequestURI()) || !TextHygiene.isClean(request.getServletPath())) {
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-path", "The path holds a character it may not");
        }
        // a partner's message is its body, signed as sent: read as a form here, it would be used up; its query alone
        Map<String, String[]> parameters = partner ? queryOf(request) : request.getParameterMap();
        if (parameters == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-path", "The query cannot be read");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean clean = TextHygiene.isClean(parameter.getKey());
            for (String value : parameter.getValue()) {
                clean &= TextHygiene.isClean(value);
            }
            if (!clean) {
                String name = TextHygiene.isClean(parameter.getKey()) ? parameter.getKey() : "(name)";
                return Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "'" + name
                        + "' " + TextHygiene.BROKEN, name);
            }
        }
        return null;
    }
}

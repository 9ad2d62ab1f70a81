package org.dotchain.hub.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dotchain.hub.messaging.PartnerHeaders;
import org.springframework.stereotype.Component;

/**
 * Signed requests from partners' systems, suppliers' and the DPA finance system's: HMAC-SHA256 with the supplier's own key over
 * "&lt;timestamp&gt;\n&lt;body&gt;", sent as headers X-Hub-Timestamp (epoch seconds) and X-Hub-Signature (Base64).
 * A request more than five minutes from the hub's clock is refused, so a captured request cannot be replayed later;
 * within the window, the message id makes a replay harmless.
 */
@Component("requestSignatures")
public class RequestSignatures {

    public static final String TIMESTAMP = "X-Hub-Timestamp";
    public static final String SIGNATURE = "X-Hub-Signature";
    static final Duration SKEW = Duration.ofMinutes(5);

    private final PartnerKeys keys;
    private final Clock clock;

    public RequestSignatures(PartnerKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Passes silently, or says why the request is not the supplier's. */
    public void verify(@Header(PartnerHeaders.PARTNER) String supplier, @Header(TIMESTAMP) String timestamp,
                       @Header(SIGNATURE) String signature, @Body String body) {
        verifyBytes(supplier, timestamp, signature, bytes(body));
    }

    /** The same for a request's body as it came, byte for byte. */
    public void verifyBytes(String supplier, String timestamp, String signature, byte[] body) {
        check(keys.keyOf(supplier).orElseThrow(() ->
                new PartnerAuthenticationException("Partner " + supplier + " has no signing key")),
                timestamp, signature, body);
    }

    private static byte[] bytes(String body) {
        return (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
    }

    private void check(byte[] key, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new PartnerAuthenticationException("The request is not signed: send " + TIMESTAMP + " and " + SIGNATURE);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new PartnerAuthenticationException(TIMESTAMP + " must be epoch seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs().compareTo(SKEW) > 0) {
            throw new PartnerAuthenticationException(TIMESTAMP + " is more than " + SKEW.toMinutes()
                    + " minutes from the hub's clock");
        }
        byte[] expected = sign(key, timestamp.trim(), body);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw new PartnerAuthenticationException(SIGNATURE + " is not Base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new PartnerAuthenticationException("The signature does not match the request");
        }
    }

    /** Signs a message the hub sends to a partner, with that partner's key, the same way partners sign theirs. */
    public void signOutbound(org.apache.camel.Exchange exchange) {
        exchange.getIn().getHeaders().putAll(signatureOf(exchange.getIn().getHeader(PartnerHeaders.PARTNER,
                String.class), exchange.getIn().getBody(String.class)));
    }

    /** The signature headers of a request to or from a supplier, signed now with the supplier's key. */
    public Map<String, String> signatureOf(String supplier, String body) {
        return signatureOf(supplier, bytes(body));
    }

    /** The same, for a body of these bytes exactly. */
    public Map<String, String> signatureOf(String supplier, byte[] body) {
        return signatureWith(keys.keyOf(supplier).orElseThrow(() ->
                new PartnerAuthenticationException("Partner " + supplier + " has no signing key")), body);
    }

    /** The signature headers of a request signed now with the key given. */
    public Map<String, String> signatureWith(byte[] key, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return Map.of(TIMESTAMP, timestamp, SIGNATURE, Base64.getEncoder().encodeToString(sign(key, timestamp, body)));
    }

    public static byte[] sign(byte[] key, String timestamp, String body) {
        return sign(key, timestamp, bytes(body));
    }

    /** HMAC-SHA256 over the timestamp, a newline and the body's bytes. */
    public static byte[] sign(byte[] key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}

package org.dotchain.hub.access;

import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.commons.codec.digest.DigestUtils;

/** One-time activation tokens and API tokens: random, handed out once, stored only as SHA-256. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return DigestUtils.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}

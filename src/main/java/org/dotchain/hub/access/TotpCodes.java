package org.dotchain.hub.access;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes: 6 digits, 30-second steps, HMAC-SHA1, the parameters every authenticator app uses. A code is
 * accepted for the current step and one either side (clock drift), and only for a step after the last one used,
 * so a code works once.
 */
@Component
public class TotpCodes {

    static final String ISSUER = "dotchain-hub";

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public TotpCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new 160-bit secret, Base32 as authenticator apps expect it. */
    public String newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    public String otpauthUri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The time step the code belongs to, if it is right and newer than the last step used. */
    public OptionalLong verify(String secret, String code, long lastUsedStep) {
        if (secret == null || code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = step(clock.instant());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > lastUsedStep && code(secret, step).equals(code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    public String codeAt(String secret, Instant time) {
        return code(secret, step(time));
    }

    private String code(String secret, long step) {
        try {
            int value = generator.generateOneTimePassword(
                    new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * generator.getTimeStep().getSeconds()));
            return String.format("%06d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Invalid TOTP secret", e);
        }
    }

    private long step(Instant time) {
        return time.getEpochSecond() / generator.getTimeStep().getSeconds();
    }
}

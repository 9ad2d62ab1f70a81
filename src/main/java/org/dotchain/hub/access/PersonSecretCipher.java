package org.dotchain.hub.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.DigestUtils;
import org.dotchain.hub.platform.HubProperties;
import org.dotchain.hub.platform.SecretFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets people keep with the hub (their TOTP secrets) under a key the database does not hold: AES-256
 * in GCM, a fresh nonce each time. A sealed secret reads {@code v1.<key id>.<Base64>}, the key id being the start of
 * the key's SHA-256, so a secret sealed under a previous key is found and sealed again under the current one.
 */
@Component
public class PersonSecretCipher {

    private static final String VERSION = "v1";

    private final String currentId;
    private final Map<String, BytesEncryptor> byId = new LinkedHashMap<>();

    @Autowired
    PersonSecretCipher(AccessProperties access, HubProperties hub) {
        this(keyOf(access.personSecrets(), hub.dataDir().resolve("keys").resolve("person-secrets.key")),
                access.personSecrets().previousKeys());
    }

    PersonSecretCipher(byte[] currentKey, List<String> previousKeys) {
        this.currentId = add(currentKey);
        previousKeys.stream().filter(key -> !key.isBlank()).forEach(key -> add(decoded(key)));
    }

    /** The secret as the database keeps it; null stays null. */
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        byte[] sealed = byId.get(currentId).encrypt(secret.getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + currentId + "." + Base64.getEncoder().encodeToString(sealed);
    }

    /** The secret a sealed text holds, under whichever of the configured keys sealed it. */
    public String reveal(String sealed) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("A person's secret in the database is not sealed; the hub seals them at start");
        }
        BytesEncryptor key = byId.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("A person's secret is sealed under key " + parts[1] + ", which is neither "
                    + "hub.access.person-secrets.key nor one of its previous-keys");
        }
        return new String(key.decrypt(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
    }

    /** Whether the stored text is sealed under the current key (and so needs nothing at start). */
    public boolean sealedUnderCurrentKey(String stored) {
        return stored == null || stored.startsWith(VERSION + "." + currentId + ".");
    }

    /** A stored secret sealed under the current key: one sealed under a previous key, or one kept in clear before. */
    public String resealed(String stored) {
        return seal(stored.startsWith(VERSION + ".") ? reveal(stored) : stored);
    }

    private String add(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("A key of hub.access.person-secrets must be 32 bytes in Base64, not "
                    + key.length);
        }
        String id = HexFormat.of().formatHex(DigestUtils.sha256(key), 0, 4);
        byId.putIfAbsent(id, new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(12),
                AesBytesEncryptor.CipherAlgorithm.GCM));
        return id;
    }

    private static byte[] keyOf(AccessProperties.PersonSecrets settings, Path generated) {
        if (settings.key() != null && !settings.key().isBlank()) {
            return decoded(settings.key());
        }
        // the data folder's key is the demo's and the tests' only: in production the key comes from configuration
        if (settings.generateMissingKey()) {
            return SecretFiles.read(generated)
                    .orElseGet(() -> SecretFiles.generate(generated, 32, "hub.access.person-secrets.key"));
        }
        throw new IllegalStateException("hub.access.person-secrets.key is not set: people's TOTP secrets are stored "
                + "under it (32 random bytes in Base64, from a secrets store; see the README)");
    }

    private static byte[] decoded(String key) {
        try {
            return Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("A key of hub.access.person-secrets is not Base64");
        }
    }
}

package org.dotchain.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.dotchain.hub.platform.HubProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonSecretCipherTest {

    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    final byte[] oldKey = newKey();
    final byte[] newKey = newKey();

    @Test
    void aSealedSecretNamesItsKeyAndHidesTheSecret() {
        PersonSecretCipher cipher = new PersonSecretCipher(oldKey, List.of());
        String once = cipher.seal(SECRET);
        String twice = cipher.seal(SECRET);

        assertThat(once).startsWith("v1.").doesNotContain(SECRET).isNotEqualTo(twice);
        assertThat(cipher.reveal(once)).isEqualTo(SECRET);
        assertThat(cipher.reveal(twice)).isEqualTo(SECRET);
        assertThat(cipher.sealedUnderCurrentKey(once)).isTrue();
        assertThat(cipher.seal(null)).isNull();
    }

    @Test
    void aRotatedKeyStillRevealsWhatItSealedAndResealsItUnderTheNewOne() {
        String underOld = new PersonSecretCipher(oldKey, List.of()).seal(SECRET);
        PersonSecretCipher rotated = new PersonSecretCipher(newKey, List.of(Base64.getEncoder().encodeToString(oldKey)));

        assertThat(rotated.sealedUnderCurrentKey(underOld)).isFalse();
        assertThat(rotated.reveal(underOld)).isEqualTo(SECRET);
        String resealed = rotated.resealed(underOld);
        assertThat(rotated.sealedUnderCurrentKey(resealed)).isTrue();
        assertThat(new PersonSecretCipher(newKey, List.of()).reveal(resealed)).isEqualTo(SECRET);
        assertThat(rotated.sealedUnderCurrentKey(rotated.resealed(SECRET))).as("one kept in clear before").isTrue();
    }

    @Test
    void withoutItsKeyASecretIsNotRevealedAndTheHubSaysWhichSettingIsMissing() {
        String underOld = new PersonSecretCipher(oldKey, List.of()).seal(SECRET);
        PersonSecretCipher other = new PersonSecretCipher(newKey, List.of());

        assertThatThrownBy(() -> other.reveal(underOld)).hasMessageContaining("previous-keys")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> other.reveal(SECRET)).hasMessageContaining("not sealed");
        assertThatThrownBy(() -> new PersonSecretCipher(new byte[16], List.of())).hasMessageContaining("32 bytes");
        String tampered = underOld.substring(0, underOld.length() - 6) + "AAAAAA";
        assertThatThrownBy(() -> new PersonSecretCipher(oldKey, List.of()).reveal(tampered))
                .as("GCM refuses a changed text").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHubWithoutTheKeyDoesNotStartAndTheDemoMakesOneOnce(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new PersonSecretCipher(settings(false), new HubProperties(dataDir, null, null, null)))
                .hasMessageContaining("hub.access.person-secrets.key is not set");

        String sealed = new PersonSecretCipher(settings(true), new HubProperties(dataDir, null, null, null)).seal(SECRET);
        assertThat(dataDir.resolve("keys/person-secrets.key")).exists();
        assertThat(new PersonSecretCipher(settings(true), new HubProperties(dataDir, null, null, null)).reveal(sealed))
                .as("the key made once is the one of every later start").isEqualTo(SECRET);
        assertThatThrownBy(() -> new PersonSecretCipher(settings(false), new HubProperties(dataDir, null, null, null)))
                .as("without the demo's setting, a key file in the data folder is not taken")
                .hasMessageContaining("hub.access.person-secrets.key is not set");
    }

    private static AccessProperties settings(boolean generateMissingKey) {
        return new AccessProperties(Duration.ofHours(8), Duration.ofDays(7), "dpa.admin", null,
                new AccessProperties.PersonSecrets(null, List.of(), generateMissingKey),
                new AccessProperties.LoginAttempts(30, 5, Duration.ofMinutes(15)), 10);
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}

package org.dotchain.hub.integration;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dotchain.hub.partners.Partner;
import org.dotchain.hub.partners.Partners;
import org.dotchain.hub.platform.HubProperties;
import org.dotchain.hub.platform.SecretFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Each partner's secrets, by reference: the settings its connector file names (secrets: hub.suppliers.steppe, say),
 * its request-signing key &lt;prefix&gt;.signing-key and its broker password &lt;prefix&gt;.broker-password (Base64, from
 * the environment, e.g. HUB_SUPPLIERS_STEPPE_SIGNINGKEY, or a secrets file outside git). Where hub.suppliers.generate-missing-keys is on
 * (demo and tests), a missing one is generated once into the data folder.
 */
@Component
public class PartnerKeys {

    /** Where a partner's secrets are when its connector file does not say: hub.suppliers.&lt;code&gt;. */
    public static final String CONVENTION = "hub.suppliers.";

    private final Environment environment;
    private final Function<String, String> secretsOf;
    private final Path folder;
    private final boolean generateMissing;
    private final Map<String, Optional<byte[]>> known = new ConcurrentHashMap<>();

    @Autowired
    PartnerKeys(Environment environment, HubProperties hub, SupplierSettings settings, Partners partners) {
        this(environment, hub.dataDir(), settings.generateMissingKeys(),
                code -> partners.find(code).map(Partner::getSecrets).orElse(CONVENTION + code));
    }

    /** The keys of the hub whose data folder is {@code dataDir}, each partner's under hub.suppliers.&lt;code&gt;. */
    public PartnerKeys(Environment environment, Path dataDir, boolean generateMissing) {
        this(environment, dataDir, generateMissing, code -> CONVENTION + code);
    }

    /**
     * The keys of the hub whose data folder is {@code dataDir}, as its partners' systems read them; a partner's
     * secrets are the settings under the prefix {@code secretsOf} gives for its code.
     */
    public PartnerKeys(Environment environment, Path dataDir, boolean generateMissing,
                        Function<String, String> secretsOf) {
        this.environment = environment;
        this.secretsOf = secretsOf;
        this.folder = dataDir.resolve("supplier-keys");
        this.generateMissing = generateMissing;
    }

    public Optional<byte[]> keyOf(String partnerCode) {
        return secret(partnerCode, "signing-key");
    }

    /** The password of the supplier's own broker user, which reaches only the supplier's own queues. */
    public Optional<String> brokerPasswordOf(String supplierCode) {
        return secret(supplierCode, "broker-password").map(Base64.getEncoder()::encodeToString);
    }

    private Optional<byte[]> secret(String partnerCode, String name) {
        return stored(secretsOf.apply(partnerCode) + "." + name, partnerCode.replaceAll("[^a-z0-9-]", "_") + "." + name);
    }

    /** Read (or generated) once per secret: requests are signed and checked without touching the disk. */
    private Optional<byte[]> stored(String property, String fileName) {
        return known.computeIfAbsent(property, name -> load(property, fileName));
    }

    private Optional<byte[]> load(String property, String fileName) {
        String configured = environment.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Base64.getDecoder().decode(configured.trim()));
        }
        Path file = folder.resolve(fileName);
        Optional<byte[]> stored = SecretFiles.read(file);
        return stored.isPresent() || !generateMissing ? stored
                : Optional.of(SecretFiles.generate(file, 32, property));
    }
}

package org.dotchain.hub.signing;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The schemes the hub accepts; the first that supports a key is the one used with it. */
@Component
public class SignatureSchemes {

    private final List<SignatureScheme> schemes;

    public SignatureSchemes(List<SignatureScheme> schemes) {
        this.schemes = List.copyOf(schemes);
    }

    public Optional<SignatureScheme> forKey(PublicKey key) {
        return schemes.stream().filter(scheme -> scheme.supports(key)).findFirst();
    }

    public SignatureScheme require(PublicKey key) {
        return forKey(key).orElseThrow(() -> new IllegalArgumentException(
                "No accepted signature scheme for a " + key.getAlgorithm() + " key"));
    }
}

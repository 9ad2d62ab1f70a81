package org.dotchain.hub.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider, passed explicitly rather than installed JVM-wide. */
final class CryptoProvider {

    static final Provider BC = new BouncyCastleProvider();

    private CryptoProvider() {
    }
}

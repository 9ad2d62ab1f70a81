package org.dotchain.hub.signing;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** RSA PKCS#1 v1.5 with SHA-256, for keys of 2048 bits or more. */
@Component
@Order(1)
class RsaSignatureScheme implements SignatureScheme {

    @Override
    public boolean supports(PublicKey key) {
        return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
    }

    @Override
    public String signatureAlgorithm() {
        return "SHA256withRSA";
    }

    @Override
    public String digestAlgorithm() {
        return "SHA-256";
    }
}

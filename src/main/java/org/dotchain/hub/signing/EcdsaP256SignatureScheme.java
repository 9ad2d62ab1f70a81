package org.dotchain.hub.signing;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** ECDSA on NIST P-256 with SHA-256. */
@Component
@Order(2)
class EcdsaP256SignatureScheme implements SignatureScheme {

    @Override
    public boolean supports(PublicKey key) {
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
    }

    @Override
    public String signatureAlgorithm() {
        return "SHA256withECDSA";
    }

    @Override
    public String digestAlgorithm() {
        return "SHA-256";
    }
}

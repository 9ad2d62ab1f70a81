package org.dotchain.hub.access;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** A person's secret as the entity holds it (clear, in memory only) and as its column holds it (sealed). */
@Component
@Converter
class SealedSecretConverter implements AttributeConverter<String, String> {

    private final PersonSecretCipher cipher;

    SealedSecretConverter(PersonSecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return cipher.seal(secret);
    }

    @Override
    public String convertToEntityAttribute(String sealed) {
        return cipher.reveal(sealed);
    }
}

package org.dotchain.hub.signing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param reminderAfter       a signing round waiting longer than this for its signer reminds them
 * @param trustedCertificates PEM or DER files of the certificate authorities whose signers are accepted
 * @param development         the development CA and development signing
 */
@Validated
@ConfigurationProperties("hub.signing")
public record SigningProperties(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT48H") Duration reminderAfter,
        @NotNull @DefaultValue List<String> trustedCertificates,
        @Valid @NotNull @DefaultValue Development development) {

    /**
     * @param enabled          a development CA in ${hub.data-dir}/pki issues demo signers' certificates
     * @param keystorePassword the password of its PKCS#12 files
     */
    public record Development(@DefaultValue("true") boolean enabled,
                              @NotBlank @DefaultValue("change-me-development-only") String keystorePassword) {
    }
}

package org.dotchain.hub.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param checkpointFolder where sealed checkpoints of the chain's head are delivered, outside the database; unset,
 *                         ${hub.data-dir}/audit-checkpoints
 * @param checkpointCron   when the chain is verified and its head sealed (Quartz cron, clustered)
 * @param seal             the hub's own key that seals checkpoints; unset, the development CA issues one
 */
@Validated
@ConfigurationProperties("hub.audit")
public record AuditProperties(Path checkpointFolder,
                              @NotBlank String checkpointCron,
                              @Valid @NotNull @DefaultValue Seal seal) {

    /**
     * @param keystore a PKCS#12 file with the sealing key and its certificate chain
     * @param password its password
     */
    public record Seal(Path keystore, String password) {
    }
}

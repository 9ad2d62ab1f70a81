package org.dotchain.hub.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What hub.suppliers says for every supplier; each supplier's own settings (hub.suppliers.&lt;code&gt;.*) are read by
 * its connector.
 *
 * @param generateMissingKeys generate a supplier's missing secrets once into ${hub.data-dir}/supplier-keys (demo
 *                            and tests only)
 */
@ConfigurationProperties("hub.suppliers")
public record SupplierSettings(@DefaultValue("false") boolean generateMissingKeys) {
}

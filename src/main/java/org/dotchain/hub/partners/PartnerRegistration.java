package org.dotchain.hub.partners;

import java.util.Set;
import java.util.stream.Collectors;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start, before any partner can reach the hub: each supplier of the connector files gets its row, created
 * or brought up to date with its file; a supplier whose file is gone is deactivated (its products leave the
 * showcase, its system is refused), never deleted, so its orders and documents keep their supplier.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerRegistration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartnerRegistration.class);

    private final Partners partners;
    private final SupplierRepository suppliers;

    PartnerRegistration(Partners partners, SupplierRepository suppliers) {
        this.partners = partners;
        this.suppliers = suppliers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Partner partner : partners.suppliers()) {
            String connector = "connectors/" + partner.getCode() + ".camel.yaml";
            Supplier supplier = suppliers.findByCode(partner.getCode())
                    .orElseGet(() -> suppliers.save(new Supplier(partner.getCode(), partner.getName(),
                            partner.getRegistrationCode(), connector)));
            supplier.describe(partner.getName(), partner.getRegistrationCode(), connector);
        }
        Set<String> described = partners.suppliers().stream().map(Partner::getCode).collect(Collectors.toSet());
        for (Supplier supplier : suppliers.findAll()) {
            if (!described.contains(supplier.getCode()) && supplier.isActive()) {
                supplier.deactivate();
                log.warn("Supplier {} has no connector file any more: deactivated, its history kept", supplier.getCode());
            }
        }
        partners.all().forEach(partner -> log.info("Partner {}: routes {}", partner, partners.routesOf(partner.getCode())));
    }
}

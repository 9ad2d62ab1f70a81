package org.dotchain.hub.settlement;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.delivery.ExpenditureInvoice;
import org.dotchain.hub.operations.Alerts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier puts each signed expenditure invoice on an acceptance certificate within hub.settlement.certificate-period;
 * one it has left longer is flagged with an alert that the supplier, the unit and operators see.
 */
@Service
@Transactional
public class CertificateDeadlines {

    private final EntityManager entityManager;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration period;

    CertificateDeadlines(EntityManager entityManager, Alerts alerts, Clock clock,
                         SettlementProperties settings) {
        this.entityManager = entityManager;
        this.alerts = alerts;
        this.clock = clock;
        this.period = settings.certificatePeriod();
    }

    /** Flags the invoices left uncertified too long; answers those newly flagged. */
    public List<String> flagUncertified() {
        List<String> flagged = new ArrayList<>();
        for (ExpenditureInvoice invoice : entityManager.createQuery("select i from ExpenditureInvoice i where "
                        + "i.status = :signed and i.signedAt < :cutoff", ExpenditureInvoice.class)
                .setParameter("signed", ExpenditureInvoice.Status.SIGNED)
                .setParameter("cutoff", clock.instant().minus(period)).getResultList()) {
            var order = invoice.getOrder();
            if (alerts.raise("CERTIFICATE_NOT_PREPARED", "invoice", invoice.getInvoiceNumber(),
                    order.getUnit().getId(), order.getSupplier().getId(), order.getSupplier().getName()
                            + " has not put expenditure invoice " + invoice.getInvoiceNumber() + " (signed "
                            + invoice.getSignedAt() + ") on an acceptance certificate within " + period.toDays()
                            + " days")) {
                flagged.add(invoice.getInvoiceNumber());
            }
        }
        return flagged;
    }
}

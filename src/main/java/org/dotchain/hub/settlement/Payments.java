package org.dotchain.hub.settlement;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.budget.BudgetLedger;
import org.dotchain.hub.delivery.OrderClosure;
import org.dotchain.hub.operations.Alerts;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.ordering.OrderCompletion;
import org.dotchain.hub.ordering.OrderStatus;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DPA finance system's answers to a payment request. Its confirmation moves exactly the certificate's amount
 * from committed to spent, per order, marks the certificate PAID, and completes each order whose deliveries are
 * all paid. An amount that is not the certificate's changes nothing and is raised to an operator.
 */
@Service
@Transactional
public class Payments {

    private final EntityManager entityManager;
    private final BudgetLedger ledger;
    private final OrderCompletion completion;
    private final Alerts alerts;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate separateTransaction;

    Payments(EntityManager entityManager, BudgetLedger ledger, OrderCompletion completion, Alerts alerts,
             AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.completion = completion;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void acknowledge(String certificateNumber, boolean received, String reason) {
        AcceptanceCertificate certificate = certificate(certificateNumber);
        if (received) {
            certificate.acknowledged(clock.instant());
        } else {
            alerts.raise("PAYMENT_REFUSED", "certificate", certificateNumber, certificate.getUnit().getId(),
                    certificate.getSupplier().getId(), "The DPA finance system refused to pay " + certificateNumber
                            + ": " + (reason == null ? "no reason given" : reason.substring(0, Math.min(400,
                            reason.length()))));
        }
        audit.record("dpa-finance", received ? "PAYMENT_REQUEST_RECEIVED" : "PAYMENT_REQUEST_REFUSED", "certificate",
                certificateNumber, reason == null ? "" : reason);
    }

    public void confirm(String certificateNumber, String paymentReference, BigDecimal amount, LocalDate paidOn) {
        AcceptanceCertificate certificate = certificate(certificateNumber);
        if (certificate.getStatus() == AcceptanceCertificate.Status.PAID) {
            throw new IllegalOrderTransitionException("Certificate " + certificateNumber + " is paid already, by "
                    + certificate.getPaymentReference());
        }
        if (certificate.getStatus() != AcceptanceCertificate.Status.PAYMENT_READY) {
            throw new IllegalOrderTransitionException("Certificate " + certificateNumber + " is not ready for payment: "
                    + certificate.getStatus());
        }
        if (amount.compareTo(certificate.getTotal()) != 0) {
            String message = "Payment " + paymentReference + " of " + amount + " for certificate " + certificateNumber
                    + " does not match its total " + certificate.getTotal();
            // the refusal rolls this transaction back; the operator must still hear of it
            separateTransaction.executeWithoutResult(status -> alerts.raise("PAYMENT_AMOUNT_MISMATCH", "certificate",
                    certificateNumber, null, null, message));
            throw new PaymentMismatchException(message);
        }
        certificate.paid(paymentReference, amount, paidOn);
        for (Map.Entry<PurchaseOrder, BigDecimal> paid : PaymentRequestMessage.amountsByOrder(certificate).entrySet()) {
            PurchaseOrder order = paid.getKey();
            ledger.spend(order.getUnit().getId(), paid.getValue(), order.getId(), certificateNumber);
            if (order.getStatus() == OrderStatus.DELIVERED && everyInvoicePaid(order)) {
                completion.paid(order, paymentReference);
            }
        }
        audit.record("dpa-finance", "CERTIFICATE_PAID", "certificate", certificateNumber,
                "payment=" + paymentReference + " amount=" + amount + " on=" + paidOn);
    }

    /** An order closed short whose delivered items are all paid already ends at once. */
    @EventListener
    public void onClosedShort(OrderClosure.ClosedShort closed) {
        if (everyInvoicePaid(closed.order())) {
            completion.paid(closed.order(), "of every item delivered before it was closed short");
        }
    }

    private boolean everyInvoicePaid(PurchaseOrder order) {
        return entityManager.createQuery("select count(i) from ExpenditureInvoice i where i.order = :order and not "
                        + "exists (select c from AcceptanceCertificate c join c.invoices ci where ci = i and c.status = "
                        + "org.dotchain.hub.settlement.AcceptanceCertificate.Status.PAID)", Long.class)
                .setParameter("order", order).getSingleResult() == 0;
    }

    private AcceptanceCertificate certificate(String certificateNumber) {
        return entityManager.createQuery("select c from AcceptanceCertificate c where c.certificateNumber = :number",
                        AcceptanceCertificate.class)
                .setParameter("number", certificateNumber).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("No acceptance certificate " + certificateNumber));
    }
}

package org.dotchain.hub.settlement;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.access.MilitaryUnit;
import org.dotchain.hub.access.Role;
import org.dotchain.hub.access.Signatories;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.delivery.ExpenditureInvoice;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.documents.DocumentRepository;
import org.dotchain.hub.documents.DocumentRequest;
import org.dotchain.hub.messaging.Outbox;
import org.dotchain.hub.messaging.SupplierChannels;
import org.dotchain.hub.ordering.IllegalOrderTransitionException;
import org.dotchain.hub.platform.InvalidMessageException;
import org.dotchain.hub.signing.RequiredSigner;
import org.dotchain.hub.signing.SigningRequest;
import org.dotchain.hub.signing.SigningRoundCompleted;
import org.dotchain.hub.signing.SigningService;
import org.dotchain.hub.suppliers.Supplier;
import org.dotchain.hub.suppliers.SupplierRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acceptance certificates, at a supplier's request over its connector: the hub checks the invoices it lists, renders
 * the certificate and runs its signing round. The supplier signs first, through its connector (the hub sends the
 * digest to sign, the supplier returns its CMS signature), then the unit's signatory, then the DPA's; a certificate
 * whose three signatures verify is PAYMENT_READY, and goes to the DPA finance system with its signed PDF.
 */
@Service
@Transactional
public class AcceptanceCertificates {

    /** The DPA's step while nobody is on duty: nobody's identity, so nobody signs until the DPA names someone. */
    static final String UNASSIGNED = "dpa:unassigned";
    private static final String DPA = "Defence Procurement Agency";

    private final EntityManager entityManager;
    private final SupplierRepository suppliers;
    private final SigningService signing;
    private final Outbox outbox;
    private final DocumentRepository documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final Signatories signatories;

    AcceptanceCertificates(EntityManager entityManager, SupplierRepository suppliers, SigningService signing,
                           Outbox outbox, DocumentRepository documents, AuditTrail audit, Clock clock,
                           Signatories signatories) {
        this.signatories = signatories;
        this.entityManager = entityManager;
        this.suppliers = suppliers;
        this.signing = signing;
        this.outbox = outbox;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A supplier's request: every invoice signed, the supplier's, of one unit, on no other certificate, and their
     * total the one stated. The supplier's signing request goes out with the certificate.
     */
    public AcceptanceCertificate prepare(String supplierCode, String requestMessageId, List<String> invoiceNumbers,
                                         BigDecimal statedTotal, byte[] signerCertificate) {
        Supplier supplier = suppliers.findByCode(supplierCode).orElseThrow();
        List<ExpenditureInvoice> invoices = invoiceNumbers.stream().map(number -> invoiceOf(supplier, number)).toList();
        for (ExpenditureInvoice invoice : invoices) {
            if (invoice.getStatus() == ExpenditureInvoice.Status.AWAITING_SIGNATURE) {
                throw new IllegalOrderTransitionException("Expenditure invoice " + invoice.getInvoiceNumber()
                        + " is not signed by the unit yet");
            }
            if (invoice.getStatus() == ExpenditureInvoice.Status.CERTIFIED) {
                throw new IllegalOrderTransitionException("Expenditure invoice " + invoice.getInvoiceNumber()
                        + " is on another acceptance certificate already");
            }
        }
        var unit = invoices.get(0).getOrder().getUnit();
        if (invoices.stream().anyMatch(invoice -> !invoice.getOrder().getUnit().getId().equals(unit.getId()))) {
            throw new InvalidMessageException("An acceptance certificate covers the invoices of one unit");
        }
        AcceptanceCertificate certificate = new AcceptanceCertificate("AC-%d-%06d".formatted(
                Year.now(clock).getValue(), sequence()), supplier, unit, invoices, requestMessageId);
        if (certificate.getTotal().compareTo(statedTotal) != 0) {
            throw new InvalidMessageException("The invoices add up to " + certificate.getTotal() + ", not "
                    + statedTotal);
        }
        invoices.forEach(ExpenditureInvoice::certified);
        entityManager.persist(certificate);

        List<RequiredSigner> signers = List.of(
                new RequiredSigner("SUPPLIER", "supplier:" + supplier.getCode(), supplier.getName(), supplier.getName()),
                unitSignatory(unit), dpaSignatory());
        Long documentId = signing.issue(request(certificate), signers, unit.getId(), supplier.getId())
                .getDocument().getId();
        certificate.attachDocument(documentId);
        SigningRequest signingRequest = signing.requestSignature(documentId, signerCertificate, systemOf(supplier));
        outbox.publish(SigningRequestMessage.TYPE, SupplierChannels.ordersOf(supplier.getCode()),
                certificate.getCertificateNumber(),
                SigningRequestMessage.of(certificate, requestMessageId, signingRequest, "SHA-256"));
        audit.record("supplier:" + supplierCode, "ACCEPTANCE_CERTIFICATE_PREPARED", "certificate",
                certificate.getCertificateNumber(), "invoices=" + invoiceNumbers + " total=" + certificate.getTotal());
        return certificate;
    }

    /** The supplier's CMS signature for the signing request it was sent; it must verify, or nothing changes. */
    public void sign(String supplierCode, String certificateNumber, UUID requestId, byte[] cms) {
        AcceptanceCertificate certificate = entityManager.createQuery("select c from AcceptanceCertificate c "
                        + "where c.certificateNumber = :number and c.supplier.code = :supplier", AcceptanceCertificate.class)
                .setParameter("number", certificateNumber).setParameter("supplier", supplierCode)
                .getResultStream().findFirst().orElseThrow(() -> new NoSuchElementException(
                        "No acceptance certificate " + certificateNumber + " of supplier " + supplierCode));
        signing.submitSignature(certificate.getDocumentId(), requestId, cms, systemOf(certificate.getSupplier()));
        audit.record("supplier:" + supplierCode, "ACCEPTANCE_CERTIFICATE_SIGNED_BY_SUPPLIER", "certificate",
                certificateNumber, "request=" + requestId);
    }

    @EventListener
    public void onSigned(SigningRoundCompleted signed) {
        if (signed.kind() != Document.Kind.ACCEPTANCE_CERTIFICATE) {
            return;
        }
        entityManager.createQuery("select c from AcceptanceCertificate c where c.documentId = :document",
                        AcceptanceCertificate.class)
                .setParameter("document", signed.documentId()).getResultStream().findFirst()
                .ifPresent(certificate -> {
                    certificate.paymentReady();
                    outbox.publish(PaymentRequestMessage.TYPE, SupplierChannels.FINANCE_PAYMENTS,
                            certificate.getCertificateNumber(),
                            PaymentRequestMessage.of(certificate, documents.findById(signed.documentId()).orElseThrow()));
                    audit.record("hub", "ACCEPTANCE_CERTIFICATE_PAYMENT_READY", "certificate",
                            certificate.getCertificateNumber(), "total=" + certificate.getTotal());
                });
    }

    public record CertificateView(String certificateNumber, String supplierCode, String unitDesignation,
                                  AcceptanceCertificate.Status status, BigDecimal total, Long documentId,
                                  List<String> invoiceNumbers, String paymentReference) {
    }

    /** The certificates of a unit or a supplier, or all of them, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public List<CertificateView> visibleTo(Long unitId, Long supplierId, boolean all,
                                           AcceptanceCertificate.Status status) {
        return entityManager.createQuery("select c from AcceptanceCertificate c where (:all = true or c.unit.id = "
                        + ":unit or c.supplier.id = :supplier) and (:status is null or c.status = :status) "
                        + "order by c.id desc", AcceptanceCertificate.class)
                .setParameter("all", all).setParameter("unit", unitId == null ? -1L : unitId)
                .setParameter("supplier", supplierId == null ? -1L : supplierId).setParameter("status", status)
                .setMaxResults(200).getResultStream()
                .map(AcceptanceCertificates::view).toList();
    }

    private static CertificateView view(AcceptanceCertificate certificate) {
        return new CertificateView(certificate.getCertificateNumber(), certificate.getSupplier().getCode(),
                certificate.getUnit().getDesignation(), certificate.getStatus(), certificate.getTotal(),
                certificate.getDocumentId(),
                certificate.getInvoices().stream().map(ExpenditureInvoice::getInvoiceNumber).toList(),
                certificate.getPaymentReference());
    }

    /** The supplier's system, as the signer the certificate's round expects. */
    private static HubUser systemOf(Supplier supplier) {
        return new HubUser(null, "supplier:" + supplier.getCode(), supplier.getName(), null, supplier.getId(),
                supplier.getCode(), Set.of(Role.SUPPLIER));
    }

    private ExpenditureInvoice invoiceOf(Supplier supplier, String number) {
        return entityManager.createQuery("select i from ExpenditureInvoice i where i.invoiceNumber = :number "
                        + "and i.order.supplier = :supplier", ExpenditureInvoice.class)
                .setParameter("number", number).setParameter("supplier", supplier)
                .getResultStream().findFirst().orElseThrow(() -> new NoSuchElementException(
                        "No expenditure invoice " + number + " of supplier " + supplier.getCode()));
    }

    /** The one the unit's designation letter named: the certificate is not prepared without one. */
    private RequiredSigner unitSignatory(MilitaryUnit unit) {
        Signatories.Signatory signatory = signatories.ofUnit(unit);
        return new RequiredSigner("UNIT_SIGNATORY", signatory.username(), signatory.fullName(),
                unit.getDesignation());
    }

    /** The DPA's signatory on duty, whom the DPA may replace for this certificate until it is signed; or nobody yet. */
    private RequiredSigner dpaSignatory() {
        Optional<Signatories.Signatory> onDuty = signatories.ofDpa();
        return new RequiredSigner("DPA_SIGNATORY", onDuty.map(Signatories.Signatory::username).orElse(UNASSIGNED),
                onDuty.map(Signatories.Signatory::fullName).orElse("to be named by the DPA"), DPA, true);
    }

    /** The certificates waiting for the DPA to name its signer get the one it named on duty. */
    @EventListener
    public void onDuty(Signatories.OnDuty named) {
        signing.reassignUnsigned("DPA_SIGNATORY", UNASSIGNED, named.signatory().username(),
                named.signatory().fullName(), named.namedBy());
    }

    /** The DPA names its signatory for one certificate, until that one has signed it. */
    public CertificateView assignDpaSignatory(String admin, String certificateNumber, String username) {
        AcceptanceCertificate certificate = entityManager.createQuery("select c from AcceptanceCertificate c "
                        + "where c.certificateNumber = :number", AcceptanceCertificate.class)
                .setParameter("number", certificateNumber).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("No acceptance certificate " + certificateNumber));
        Signatories.Signatory signatory = signatories.dpaSignatory(username);
        signing.reassign(certificate.getDocumentId(), "DPA_SIGNATORY", signatory.username(), signatory.fullName(),
                admin);
        return view(certificate);
    }

    private DocumentRequest request(AcceptanceCertificate certificate) {
        List<DocumentRequest.Line> lines = certificate.getInvoices().stream()
                .flatMap(invoice -> invoice.getLines().stream())
                .map(line -> new DocumentRequest.Line(line.getOrderLine().getProductName(),
                        line.getOrderLine().getProductCode(), line.getQuantity(), line.getOrderLine().getUnitPrice(),
                        null))
                .toList();
        return new DocumentRequest(Document.Kind.ACCEPTANCE_CERTIFICATE, certificate.getCertificateNumber(),
                LocalDate.now(clock), certificate.getUnit().getDesignation(), certificate.getSupplier().getName(),
                certificate.getSupplier().getRegistrationCode(), lines, "Expenditure invoices "
                + String.join(", ", certificate.getInvoices().stream().map(ExpenditureInvoice::getInvoiceNumber)
                .toList()), null, List.of());
    }

    private long sequence() {
        return ((Number) entityManager.createNativeQuery("select nextval('acceptance_certificate_number_seq')")
                .getSingleResult()).longValue();
    }
}

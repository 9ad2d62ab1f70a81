package org.dotchain.hub.signing;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.dotchain.hub.access.HubUser;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.documents.DocumentReading;
import org.dotchain.hub.documents.DocumentRendering;
import org.dotchain.hub.documents.DocumentRepository;
import org.dotchain.hub.documents.DocumentRequest.SignatureBlock;
import org.dotchain.hub.documents.DocumentRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues documents for signature and runs their signing rounds: external signing (the hub prepares, the signer's own
 * tool signs a digest, the hub embeds and verifies) and development signing with the development CA's keys.
 * A signature is accepted only when every signature of the new revision verifies; otherwise nothing changes.
 */
@Service
@Transactional
public class SigningService {

    private static final Map<String, String> ROLE_LABELS = Map.of(
            "SUPPLIER", "Постачальник / Supplier",
            "ORDERER", "Замовник / Orderer",
            "RECEIVER", "Отримувач / Receiver",
            "UNIT_SIGNATORY", "Військова частина / Unit signatory",
            "DPA_SIGNATORY", "Агенція / DPA signatory");

    private final DocumentRepository documents;
    private final DocumentRendering rendering;
    private final SigningRoundRepository rounds;
    private final SigningRequestRepository requests;
    private final PdfSignaturePreparer preparer;
    private final SignatureVerifier verifier;
    private final SignatureSchemes schemes;
    private final ObjectProvider<DevelopmentCertificateAuthority> developmentCa;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final TransactionTemplate separateTransaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SigningService(DocumentRepository documents, DocumentRendering rendering, SigningRoundRepository rounds,
                   SigningRequestRepository requests, PdfSignaturePreparer preparer, SignatureVerifier verifier,
                   SignatureSchemes schemes, ObjectProvider<DevelopmentCertificateAuthority> developmentCa,
                   AuditTrail audit, EntityManager entityManager, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.rendering = rendering;
        this.rounds = rounds;
        this.requests = requests;
        this.preparer = preparer;
        this.verifier = verifier;
        this.schemes = schemes;
        this.developmentCa = developmentCa;
        this.audit = audit;
        this.entityManager = entityManager;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Renders the document with a signature block per signer, in order, and opens its signing round. The unit's and
     * the supplier's people may see it, and the DPA's.
     */
    public SigningRound issue(DocumentRequest request, List<RequiredSigner> signers, Long unitId, Long supplierId) {
        List<SignatureBlock> blocks = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            RequiredSigner signer = signers.get(i);
            blocks.add(new SignatureBlock(ROLE_LABELS.getOrDefault(signer.partyRole(), signer.partyRole()),
                    signer.blockText(), signer.fieldName(i + 1)));
        }
        Instant now = clock.instant();
        byte[] pdf = rendering.render(request.withSignatureBlocks(blocks), now);
        Document document = documents.save(new Document(request.kind(), request.number(), pdf, now, unitId,
                supplierId));
        SigningRound round = rounds.save(new SigningRound(document, signers));
        audit.record("hub", "DOCUMENT_ISSUED", "document", document.getNumber(),
                "kind=" + document.getKind() + " sha256=" + document.getSha256() + " signers="
                        + signers.stream().map(RequiredSigner::identity).toList());
        return round;
    }

    /**
     * Names another signer for an assignable step of the party's that is not signed yet; the document stays as it
     * is, since its field and block name the party only.
     */
    @Transactional
    public void reassign(Long documentId, String partyRole, String identity, String signerName, String actor) {
        SigningRound round = rounds.findByDocumentId(documentId)
                .orElseThrow(() -> new NoSuchElementException("No document " + documentId));
        SigningStep step = round.getSteps().stream().filter(found -> found.getPartyRole().equals(partyRole))
                .findFirst().orElseThrow(() -> new SigningRefusedException("Document " + round.getDocument()
                        .getNumber() + " has no " + partyRole + " to sign it"));
        if (step.getSignedAt() != null) {
            throw new SigningRefusedException("Document " + round.getDocument().getNumber() + " is signed by its "
                    + partyRole + " already");
        }
        if (!step.isAssignable()) {
            throw new SigningRefusedException("The " + partyRole + " of document " + round.getDocument().getNumber()
                    + " was named when it was issued");
        }
        String before = step.getSignerIdentity();
        step.reassign(identity, signerName);
        audit.record(actor, "SIGNER_ASSIGNED", "document", round.getDocument().getNumber(),
                "role=" + partyRole + " from=" + before + " to=" + identity);
    }

    /** Every assignable step of the role still waiting for a signer of that identity now gets the one given. */
    @Transactional
    public int reassignUnsigned(String partyRole, String fromIdentity, String identity, String signerName,
                                String actor) {
        List<SigningStep> steps = entityManager.createQuery("select s from SigningStep s join fetch s.round r "
                        + "join fetch r.document where s.partyRole = :role and s.signerIdentity = :from "
                        + "and s.assignable = true and s.signedAt is null", SigningStep.class)
                .setParameter("role", partyRole).setParameter("from", fromIdentity).getResultList();
        for (SigningStep step : steps) {
            step.reassign(identity, signerName);
            audit.record(actor, "SIGNER_ASSIGNED", "document", step.getRound().getDocument().getNumber(),
                    "role=" + partyRole + " from=" + fromIdentity + " to=" + identity);
        }
        return steps.size();
    }

    /** The round of a document the caller may see; any other is answered as if it did not exist. */
    @Transactional(readOnly = true)
    public SigningRound round(Long documentId, HubUser caller) {
        return rounds.findByDocumentId(documentId)
                .filter(round -> DocumentReading.visibleTo(round.getDocument(), caller))
                .orElseThrow(() -> new NoSuchElementException("No document " + documentId));
    }

    /**
     * How many steps of each document's round are signed, for documents the caller was shown already: a count, not
     * the documents, so that a page following them asks little of the database.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> signedSteps(Collection<Long> documentIds) {
        Map<Long, Long> signed = new HashMap<>();
        documentIds.forEach(id -> signed.put(id, 0L));
        if (!documentIds.isEmpty()) {
            entityManager.createQuery("select s.round.document.id, count(s) from SigningStep s where "
                            + "s.round.document.id in :ids and s.signedAt is not null group by s.round.document.id",
                            Object[].class).setParameter("ids", documentIds).getResultList()
                    .forEach(row -> signed.put((Long) row[0], (Long) row[1]));
        }
        return signed;
    }

    /** External signing, first half: the revision to sign and the digest the signer's tool must sign. */
    public SigningRequest requestSignature(Long documentId, byte[] signerCertificate, HubUser caller) {
        SigningRound round = lock(documentId, caller);
        X509Certificate certificate = parseCertificate(signerCertificate);
        String named = SignerIdentity.of(certificate);
        if (!named.equals(caller.signerIdentity())) {
            throw new SigningRefusedException("The certificate names '" + named + "', but you sign as '"
                    + caller.signerIdentity() + "'");
        }
        SigningStep step = round.turnOf(named);
        SignatureScheme scheme = schemes.forKey(certificate.getPublicKey()).orElseThrow(() ->
                new SigningRefusedException("A " + certificate.getPublicKey().getAlgorithm()
                        + " key of this kind is not an accepted signature scheme"));
        Document document = round.getDocument();
        PreparedSignature prepared = preparer.prepare(document.getContent(), step.getFieldName(),
                SignerIdentity.nameOf(certificate), reason(step, document), clock.instant(), scheme.digestAlgorithm());
        return requests.save(new SigningRequest(round, step.getStepNumber(), document.getSha256(), prepared,
                signerCertificate));
    }

    /** External signing, second half: the signer's CMS signature goes into the prepared revision, if it verifies. */
    public SigningRound submitSignature(Long documentId, UUID requestId, byte[] cms, HubUser caller) {
        SigningRound round = lock(documentId, caller);
        SigningRequest request = requests.findById(requestId)
                .filter(found -> found.getRound().getId().equals(round.getId()))
                .orElseThrow(() -> new NoSuchElementException("No signing request " + requestId
                        + " for document " + documentId));
        if (request.getCompletedAt() != null) {
            throw new SigningRefusedException("Signing request " + requestId + " has already been used");
        }
        SigningStep step = round.turn().filter(turn -> turn.getStepNumber() == request.getStepNumber())
                .orElseThrow(() -> new SigningRefusedException("Signing request " + requestId
                        + " is for a step that is no longer the document's turn"));
        if (!step.getSignerIdentity().equals(caller.signerIdentity())) {
            throw new SigningRefusedException("Signing request " + requestId + " is not yours");
        }
        if (!round.getDocument().getSha256().equals(request.getBaseSha256())) {
            throw new SigningRefusedException("Document " + round.getDocument().getNumber()
                    + " has changed since signing request " + requestId + " was made");
        }
        byte[] signed = request.prepared().embed(cms);
        accept(round, step, signed, request.signerCertificate());
        request.markCompleted(clock.instant());
        return round;
    }

    /** Development signing: the development CA's key of whoever's turn it is signs. */
    public SigningRound signWithDevelopmentKey(Long documentId, HubUser caller) {
        DevelopmentCertificateAuthority authority = developmentCa.getIfAvailable();
        if (authority == null) {
            throw new SigningRefusedException("development-off",
                    "Development signing is switched off (hub.signing.development.enabled)");
        }
        SigningRound round = lock(documentId, caller);
        SigningStep step = round.turnOf(caller.signerIdentity());
        SigningCredentials credentials = authority.credentialsFor(step.getSignerIdentity(), step.getSignerName());
        SignatureScheme scheme = schemes.require(credentials.certificate().getPublicKey());
        Document document = round.getDocument();
        PreparedSignature prepared = preparer.prepare(document.getContent(), step.getFieldName(),
                step.getSignerName(), reason(step, document), clock.instant(), scheme.digestAlgorithm());
        byte[] cms = PadesCmsBuilder.sign(prepared.contentDigest(), credentials.privateKey(),
                scheme.signatureAlgorithm(), credentials.chain());
        accept(round, step, prepared.embed(cms), encoded(credentials.certificate()));
        return round;
    }

    public VerificationReport verify(Long documentId, HubUser caller) {
        SigningRound round = round(documentId, caller);
        VerificationReport report = verifier.verify(round.getDocument().getContent(), round.expectedSoFar());
        audit.record("hub", "DOCUMENT_VERIFIED", "document", round.getDocument().getNumber(),
                "indication=" + report.indication() + " subIndication=" + report.subIndication()
                        + " signatures=" + report.revisions());
        return report;
    }

    private void accept(SigningRound round, SigningStep step, byte[] signedPdf, byte[] signerCertificate) {
        Document document = round.getDocument();
        VerificationReport report = verifier.verify(signedPdf, round.expectedUpTo(step.getStepNumber()));
        if (!report.passed()) {
            separateTransaction.executeWithoutResult(status -> audit.record(step.getSignerIdentity(),
                    "SIGNATURE_REJECTED", "document", document.getNumber(),
                    "field=" + step.getFieldName() + " " + report.subIndication() + ": " + report.message()));
            throw new SignatureRejectedException("The signature was not accepted: " + report.message(), report);
        }
        VerificationReport.SignatureResult added = report.signatures().get(report.signatures().size() - 1);
        Instant now = clock.instant();
        document.replaceContent(signedPdf);
        entityManager.persist(new Signature(document, step, added.signerName(), signerCertificate,
                added.revision(), now));
        round.complete(step, now);
        if (round.getStatus() == SigningRound.Status.COMPLETED) {
            events.publishEvent(new SigningRoundCompleted(document.getId(), document.getKind(), document.getNumber()));
        }
        audit.record(step.getSignerIdentity(), "DOCUMENT_SIGNED", "document", document.getNumber(),
                "field=" + step.getFieldName() + " step=" + step.getStepNumber() + "/" + round.getSteps().size()
                        + " sha256=" + document.getSha256());
    }

    private SigningRound lock(Long documentId, HubUser caller) {
        return rounds.lockByDocumentId(documentId)
                .filter(round -> DocumentReading.visibleTo(round.getDocument(), caller))
                .orElseThrow(() -> new NoSuchElementException("No document " + documentId));
    }

    private static String reason(SigningStep step, Document document) {
        return step.getPartyRole() + " signs " + document.getKind() + " " + document.getNumber();
    }

    static X509Certificate parseCertificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the signer's certificate", e);
        }
    }
}

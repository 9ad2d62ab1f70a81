package org.dotchain.hub.signing;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.operations.Alerts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signing round that has waited longer than hub.signing.reminder-after for the signer whose turn it is reminds
 * them: one alert per step, which the document's unit and supplier see, and the DPA.
 */
@Service
@Transactional
public class SigningReminders {

    private final EntityManager entityManager;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration after;

    SigningReminders(EntityManager entityManager, Alerts alerts, Clock clock,
                     SigningProperties settings) {
        this.entityManager = entityManager;
        this.alerts = alerts;
        this.clock = clock;
        this.after = settings.reminderAfter();
    }

    /** Reminds whoever has kept a round waiting too long; answers the documents newly reminded of. */
    public List<String> remindStalled() {
        Instant cutoff = clock.instant().minus(after);
        List<String> reminded = new ArrayList<>();
        for (SigningRound round : entityManager.createQuery("select r from SigningRound r where r.status = :status",
                SigningRound.class).setParameter("status", SigningRound.Status.IN_PROGRESS).getResultList()) {
            SigningStep turn = round.turn().orElseThrow();
            Instant waitingSince = round.getSteps().stream().map(SigningStep::getSignedAt)
                    .filter(signed -> signed != null).max(Instant::compareTo).orElse(round.getCreatedAt());
            Document document = round.getDocument();
            if (waitingSince.isBefore(cutoff) && alerts.raise("SIGNATURE_REMINDER", "document",
                    document.getNumber() + "/step-" + turn.getStepNumber(), document.getUnitId(),
                    document.getSupplierId(), "Document " + document.getNumber() + " has waited since " + waitingSince
                            + " for the signature of " + turn.getSignerName() + " (" + turn.getPartyRole() + ")")) {
                reminded.add(document.getNumber());
            }
        }
        return reminded;
    }
}

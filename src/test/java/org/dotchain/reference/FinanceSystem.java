package org.dotchain.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

/**
 * The DPA finance system, as far as the hub sees it: it takes each payment request once, checks that the signed PDF
 * is the one the request names, acknowledges it, and pays the amount asked after a while.
 */
@Component
public class FinanceSystem {

    /** The party its messages go out as, in the reference system's answer queue. */
    public static final String PARTY = "dpa-finance";

    private final ReferenceSupplierProperties settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong payments = new AtomicLong();
    /** A run of its own: a finance system started again never gives a payment reference it gave before. */
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    private final Tally tally;

    FinanceSystem(ReferenceSupplierProperties settings, ObjectMapper json, Clock clock, Tally tally) {
        this.tally = tally;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public List<SupplierSystem.Answer> take(String messageId, JsonNode request) {
        String certificate = request.path("certificateNumber").asText();
        boolean repeated = !seen.add(messageId);
        tally.took(request.path("messageType").asText("PAYMENT_REQUEST"), certificate, messageId, repeated);
        if (repeated) {
            return List.of();
        }
        byte[] pdf = Base64.getDecoder().decode(request.at("/document/pdf").asText());
        if (!DigestUtils.sha256Hex(pdf).equals(request.at("/document/sha256").asText())) {
            return List.of(new SupplierSystem.Answer(PARTY, Duration.ZERO, message("PAYMENT_ACKNOWLEDGEMENT", certificate)
                    .put("status", "REFUSED").put("reason", "The PDF is not the document the request names")));
        }
        return List.of(
                new SupplierSystem.Answer(PARTY, Duration.ZERO, message("PAYMENT_ACKNOWLEDGEMENT", certificate)
                        .put("status", "RECEIVED")),
                new SupplierSystem.Answer(PARTY, settings.paymentDelay(), message("PAYMENT_CONFIRMATION", certificate)
                        .put("paymentReference", "PAY-%s-%08d".formatted(run, payments.incrementAndGet()))
                        .put("amount", request.path("amount").asText())
                        .put("paidOn", LocalDate.now(clock).toString())));
    }

    private ObjectNode message(String type, String certificateNumber) {
        return json.createObjectNode()
                .put("contractVersion", "1.0")
                .put("messageType", type)
                .put("messageId", "fin-" + UUID.randomUUID())
                .put("certificateNumber", certificateNumber);
    }
}

package org.dotchain.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.dotchain.reference.ReferenceSupplierProperties.Mode;
import org.springframework.stereotype.Component;

/**
 * What a supplier's own system decides: it takes each of the hub's messages once (by message id), keeps its stock,
 * accepts or rejects orders, answers pre-order requests, ships with a serial number per item, asks for an
 * acceptance certificate over each expenditure invoice the unit signs, and signs the certificate when asked. Its answers are
 * the contract's JSON messages, each with how long after the previous one it goes out.
 */
@Component
public class SupplierSystem {

    /** A message for the hub, to send this long after the previous one. */
    public record Answer(String supplier, Duration after, ObjectNode message) {
    }

    private final ReferenceSupplierProperties settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicReference<Mode> mode;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, String> offerDecisions = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong();

    private final SupplierSigningKeys signingKeys;
    private final Tally tally;

    SupplierSystem(ReferenceSupplierProperties settings, ObjectMapper json, Clock clock,
                   SupplierSigningKeys signingKeys, Tally tally) {
        this.tally = tally;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.signingKeys = signingKeys;
        this.mode = new AtomicReference<>(settings.mode());
    }

    public Mode mode() {
        return mode.get();
    }

    /** How the one supplier (or the finance system) behaves: on its own mode if it has one, else as all do. */
    public Mode modeOf(String party) {
        return modes.getOrDefault(party, mode.get());
    }

    /** Every party behaves so, none on a mode of its own any longer. */
    public void switchTo(Mode next) {
        modes.clear();
        mode.set(next);
    }

    /** The one party behaves so; the others as they did. */
    public void switchTo(String party, Mode next) {
        modes.put(party, next);
    }

    public Map<String, Integer> stock() {
        return new TreeMap<>(stock);
    }

    /** How long the party takes to take a message of the hub's, in milliseconds. */
    public long takingDelayMs(String party) {
        return modeOf(party) == Mode.SLOW ? settings.slowDelay().toMillis() : 0;
    }

    /** How many times each of the party's messages goes out. */
    public int copies(String party) {
        return modeOf(party) == Mode.DUPLICATES ? 2 : 1;
    }

    public boolean isCancelled(String orderNumber) {
        return cancelled.contains(orderNumber);
    }

    /** Its answers to a message of the hub's; none to a message it has taken before. */
    public synchronized List<Answer> take(String supplier, String messageId, JsonNode message) {
        String orderNumber = message.path("orderNumber").asText();
        boolean repeated = !seen.add(supplier + ":" + messageId);
        tally.took(message.path("messageType").asText(), subjectOf(message), messageId, repeated);
        if (repeated) {
            return List.of();
        }
        return switch (message.path("messageType").asText()) {
            case "ORDER" -> order(supplier, orderNumber, message);
            case "PRE_ORDER_REQUEST" -> preOrder(supplier, orderNumber, message);
            case "CANCELLATION", "ORDER_CLOSURE" -> {
                cancelled.add(orderNumber);
                yield List.of();
            }
            case "EXPENDITURE_INVOICE" -> List.of(new Answer(supplier, settings.certificateDelay(),
                    certificateRequest(supplier, message)));
            case "SIGNING_REQUEST" -> List.of(new Answer(supplier, Duration.ZERO, signature(supplier, message)));
            case "CATALOG_OFFER_ANSWER" -> {
                offerDecisions.put(supplier + ":" + message.path("offerNumber").asText(),
                        message.path("decision").asText());
                yield List.of();
            }
            default -> throw new IllegalArgumentException("Not a message for a supplier: "
                    + message.path("messageType").asText());
        };
    }

    /** What a message is about: its order, else its certificate, else its catalogue offer. */
    static String subjectOf(JsonNode message) {
        for (String field : List.of("orderNumber", "certificateNumber", "offerNumber")) {
            if (message.hasNonNull(field)) {
                return message.path(field).asText();
            }
        }
        return "";
    }

    /** The DPA's decision on one of the supplier's catalogue offers, as its answer said; null before one came. */
    public String offerDecision(String supplier, String offerNumber) {
        return offerDecisions.get(supplier + ":" + offerNumber);
    }

    private List<Answer> order(String supplier, String orderNumber, JsonNode order) {
        if (modeOf(supplier) == Mode.REJECT) {
            return List.of(new Answer(supplier, Duration.ZERO, response(orderNumber, "RE", "We take no orders now")));
        }
        for (JsonNode line : order.path("lines")) {
            int available = stock.computeIfAbsent(line.path("productCode").asText(), code -> settings.initialStock());
            if (available < line.path("quantity").asInt()) {
                return List.of(new Answer(supplier, Duration.ZERO, response(orderNumber, "RE",
                        "Only " + available + " of " + line.path("productCode").asText() + " in stock")));
            }
        }
        order.path("lines").forEach(line -> stock.merge(line.path("productCode").asText(),
                -line.path("quantity").asInt(), Integer::sum));
        List<Answer> answers = new ArrayList<>();
        answers.add(new Answer(supplier, Duration.ZERO, response(orderNumber, "AB", null)));
        answers.add(new Answer(supplier, settings.answerDelay(), response(orderNumber, "AP", null)));
        int parts = Math.max(1, settings.despatches());
        for (int part = 0; part < parts; part++) {
            ObjectNode despatch = despatch(supplier, orderNumber, order, part, parts);
            if (despatch.path("lines").size() > 0) {
                answers.add(new Answer(supplier, settings.shipDelay(), despatch));
            }
        }
        return answers;
    }

    /** Part of an order's goods: each line's quantity spread over the despatches, the first ones taking the rest. */
    private ObjectNode despatch(String supplier, String orderNumber, JsonNode order, int part, int parts) {
        ObjectNode despatch = message("DESPATCH_ADVICE", orderNumber)
                .put("despatchNumber", orderNumber.replace("ORD", "DSP") + "-" + (part + 1))
                .put("despatchedAt", clock.instant().toString())
                .put("expectedArrival", LocalDate.now(clock).plusDays(3).toString());
        ArrayNode lines = despatch.putArray("lines");
        for (JsonNode line : order.path("lines")) {
            int quantity = line.path("quantity").asInt();
            int share = quantity / parts + (part < quantity % parts ? 1 : 0);
            if (share == 0) {
                continue;
            }
            ObjectNode shipped = lines.addObject()
                    .put("lineNumber", line.path("lineNumber").asInt())
                    .put("quantity", share);
            ArrayNode serialNumbers = shipped.putArray("serialNumbers");
            for (int item = 0; item < share; item++) {
                serialNumbers.add(supplier.toUpperCase() + "-SN-" + String.format("%08d", serials.incrementAndGet()));
            }
        }
        return despatch;
    }

    private List<Answer> preOrder(String supplier, String orderNumber, JsonNode request) {
        ObjectNode answer = message("PRE_ORDER_ANSWER", orderNumber);
        if (modeOf(supplier) == Mode.REJECT) {
            answer.put("canProduce", false).put("reason", "We cannot produce these in time");
        } else {
            answer.put("canProduce", true).put("deliveryDate", request.path("requiredBy").asText());
        }
        return List.of(new Answer(supplier, settings.answerDelay(), answer));
    }

    /** An acceptance certificate over the invoice the unit signed, with the certificate of its signing key. */
    private ObjectNode certificateRequest(String supplier, JsonNode invoice) {
        ObjectNode request = message("ACCEPTANCE_CERTIFICATE_REQUEST", null)
                .put("total", invoice.path("total").asText())
                .put("signerCertificate", Base64.getEncoder().encodeToString(signingKeys.certificateOf(supplier)));
        request.putArray("invoiceNumbers").add(invoice.path("invoiceNumber").asText());
        return request;
    }

    /** Its signature of the certificate the hub asks it to sign: the digest signed with its own key. */
    private ObjectNode signature(String supplier, JsonNode request) {
        byte[] cms = signingKeys.sign(supplier, Base64.getDecoder().decode(request.path("contentDigest").asText()));
        return message("CERTIFICATE_SIGNATURE", null)
                .put("certificateNumber", request.path("certificateNumber").asText())
                .put("requestId", request.path("requestId").asText())
                .put("cms", Base64.getEncoder().encodeToString(cms));
    }

    private ObjectNode response(String orderNumber, String code, String reason) {
        ObjectNode response = message("ORDER_RESPONSE", orderNumber).put("responseCode", code);
        if (reason != null) {
            response.put("reason", reason);
        }
        return response;
    }

    private ObjectNode message(String type, String orderNumber) {
        ObjectNode message = json.createObjectNode()
                .put("contractVersion", "1.0")
                .put("messageType", type)
                .put("messageId", "ref-" + UUID.randomUUID());
        return orderNumber == null ? message : message.put("orderNumber", orderNumber);
    }
}

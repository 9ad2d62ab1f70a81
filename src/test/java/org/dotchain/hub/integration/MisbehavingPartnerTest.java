package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.dotchain.hub.HubIntegrationTest;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One supplier's system misbehaving in every way at once, beside two that behave: Skyforge's system takes each order
 * slowly, floods the hub over REST with signed messages it must refuse, from several threads at once, pours poison
 * messages onto its inbound queue, and opens connection after connection to the broker. Steppe (REST, and JMS to the
 * hub) and Viriy (SOAP), through the reference systems, get their orders accepted and shipped meanwhile as on a quiet
 * day; Skyforge's waits on Skyforge; the flood hears 429 beyond Skyforge's limits (the hub's defaults,
 * hub.partner-limits), never a 5xx; every poison message is a dead letter; the broker refuses Skyforge's sessions
 * beyond its share.
 */
@HubIntegrationTest
class MisbehavingPartnerTest {

    /** How long a well-behaved supplier's order may take to be shipped while another supplier misbehaves. */
    private static final Duration ON_TIME = Duration.ofSeconds(10);
    private static final Duration FLOOD = Duration.ofSeconds(8);
    private static final int FLOODING_THREADS = 12;
    private static final int POISON = 400;
    private static final int CONNECTIONS = 40;
    /** How long Skyforge's system takes over each message in mode SLOW (reference.slow-delay). */
    private static final Duration SLOW = Duration.ofSeconds(5);

    @Autowired
    ReferenceSystems reference;
    @Autowired
    OrderPlacement placement;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TestRestTemplate http;
    @Autowired
    SupplierConnections connections;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    PartnerLimits limits;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();
    private final List<Connection> held = new ArrayList<>();
    private final Set<String> throttledRetryAfter = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void skyforgesSystemIsSlow() {
        reference.start();
        reference.switchTo("skyforge", "SLOW");
    }

    @AfterEach
    void backToNormal() throws JMSException {
        closeHeldConnections();
        reference.switchTo("NORMAL");
    }

    private void closeHeldConnections() throws JMSException {
        for (Connection connection : held) {
            connection.close();
        }
        held.clear();
    }

    @AfterAll
    static void stop() {
        ReferenceSystems.stop();
    }

    @Test
    void aSupplierThatMisbehavesDelaysOnlyItsOwnOrders() throws Exception {
        long deadLettersBefore = deadLetters();
        sendPoisonAsSkyforge();
        int refusedConnections = openConnectionsAsSkyforge();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODING_THREADS);
        Instant floodEnds = Instant.now().plus(FLOOD);
        for (int thread = 0; thread < FLOODING_THREADS; thread++) {
            flood.submit(() -> {
                while (Instant.now().isBefore(floodEnds)) {
                    floodOnce();
                }
            });
        }

        Instant formed = Instant.now();
        String steppe = formedOrder("A1001", "STP-DROP");
        String viriy = formedOrder("A2002", "VRY-SCOUT");
        String skyforge = formedOrder("A3003", "SKF-FPV10");
        // watched from now on, not once the flood is over: when Skyforge's order was accepted is the figure
        ExecutorService watch = Executors.newSingleThreadExecutor();
        Future<Duration> skyforgeAccepted = watch.submit(() -> await()
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> acceptedAfter(skyforge, formed), found -> found != null));
        Duration steppeShipped;
        Duration viriyShipped;
        Duration skyforgeAcceptedAfter;
        try {
            steppeShipped = await().atMost(ON_TIME).until(() -> shippedAfter(steppe, formed), found -> found != null);
            viriyShipped = await().atMost(ON_TIME).until(() -> shippedAfter(viriy, formed), found -> found != null);
            flood.shutdown();
            assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            // Skyforge's system behaves again: it lets go of the connections, and its own may have sessions again
            closeHeldConnections();
            skyforgeAcceptedAfter = skyforgeAccepted.get(60, TimeUnit.SECONDS);
        } finally {
            // a failed wait above leaves neither the flood nor the watch running into the next test
            flood.shutdownNow();
            watch.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() - deadLettersBefore == POISON);

        Map<Integer, Integer> answers = new TreeMap<>();
        floodAnswers.forEach((status, count) -> answers.put(status, count.get()));
        System.out.printf("Misbehaving partner: Skyforge's REST flood (%d threads, %d s) answered %s; %d poison "
                        + "messages on its queue, %d dead letters; %d of %d connections to the broker refused. Steppe's "
                        + "order shipped after %d ms, Viriy's after %d ms; Skyforge's (its system slow) accepted after "
                        + "%d ms%n", FLOODING_THREADS, FLOOD.toSeconds(), answers, POISON,
                deadLetters() - deadLettersBefore, refusedConnections, CONNECTIONS, steppeShipped.toMillis(),
                viriyShipped.toMillis(), skyforgeAcceptedAfter.toMillis());

        assertThat(answers.keySet()).as("answers to the flood").allMatch(status -> status >= 400 && status < 500);
        assertThat(answers).as("the flood beyond Skyforge's limits").containsKey(429);
        assertThat(answers.getOrDefault(404, 0) + answers.getOrDefault(409, 0) + answers.getOrDefault(422, 0))
                .as("the flood's messages refused for what they say, at Skyforge's rate")
                .isPositive().isLessThanOrEqualTo((int) (limits.requestsPerSecondOf("skyforge") * (FLOOD.toSeconds() + 2)));
        assertThat(refusedConnections).as("connections beyond Skyforge's share of the broker").isPositive();
        assertThat(skyforgeAcceptedAfter).as("Skyforge's order, waiting on its slow system")
                .isGreaterThanOrEqualTo(SLOW);
        assertThat(throttledRetryAfter).as("what a throttled request is told").containsOnly("1");
    }

    /** Opens connections as Skyforge until the broker refuses, and keeps those it admitted: the refused ones. */
    private int openConnectionsAsSkyforge() throws JMSException {
        int refused = 0;
        for (int attempt = 0; attempt < CONNECTIONS; attempt++) {
            Connection connection = null;
            try {
                connection = connections.as("skyforge").createConnection();
                connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                held.add(connection);
            } catch (JMSException beyondItsShare) {
                refused++;
                if (connection != null) {
                    connection.close();
                }
            }
        }
        return refused;
    }

    private void sendPoisonAsSkyforge() throws JMSException {
        try (Connection connection = connections.as("skyforge").createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("supplier.skyforge.inbound"));
            for (int message = 0; message < POISON; message++) {
                producer.send(session.createTextMessage("{\"messageType\": \"DESPATCH_ADVICE\", \"poison\": " + message));
            }
        }
    }

    /** A signed message, well formed, about an order the hub has never heard of: refused, if it gets that far. */
    private void floodOnce() {
        String body = json.createObjectNode()
                .put("contractVersion", "1.0")
                .put("messageType", "ORDER_RESPONSE")
                .put("messageId", "flood-" + UUID.randomUUID())
                .put("orderNumber", "ORD-2026-999999")
                .put("responseCode", "AB").toString();
        HttpHeaders headers = connections.signed("skyforge", body);
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = http.postForEntity("/api/suppliers/skyforge/messages", new HttpEntity<>(body, headers),
                String.class);
        int status = answer.getStatusCode().value();
        if (status == 429) {
            throttledRetryAfter.add(String.valueOf(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        }
        floodAnswers.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
    }

    private String formedOrder(String unit, String product) {
        PurchaseOrder order = placement.placeInStockOrder(unit, Map.of(product, 1));
        placement.form(order.getOrderNumber());
        return order.getOrderNumber();
    }

    private Duration acceptedAfter(String orderNumber, Instant formed) {
        String status = status(orderNumber);
        return status.equals("ACCEPTED_BY_SUPPLIER") || status.equals("SHIPPED")
                ? Duration.between(formed, Instant.now()) : null;
    }

    private Duration shippedAfter(String orderNumber, Instant formed) {
        return status(orderNumber).equals("SHIPPED") ? Duration.between(formed, Instant.now()) : null;
    }

    private String status(String orderNumber) {
        return db.queryForObject("select status from purchase_order where order_number = ?", String.class, orderNumber);
    }

    private long deadLetters() {
        var queue = broker.getActiveMQServer().locateQueue(SimpleString.of("supplier.skyforge.inbound.DLQ"));
        return queue == null ? 0 : queue.getMessageCount();
    }
}

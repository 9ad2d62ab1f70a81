package org.dotchain.hub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The units' and the DPA's people doing their part of the supply cycle over a demo hub's REST API, each in a thread
 * of their own: orderers check out and sign one drone after another; the same people, as their unit's receivers,
 * record what arrived of every shipped order and sign the expenditure invoices; the units' and the DPA's signatories
 * sign every acceptance certificate when its turn comes. What they do next comes from what the hub shows, so that a
 * step whose answer a kill of the hub cut off is taken up again (an order left to sign, a despatch not received).
 */
final class PeopleAtWork {

    /** A product ordered up to a number of times: fewer than its stock, so that no checkout becomes a pre-order. */
    record Product(String code, int most) {
    }

    private final DemoApi api;
    private final List<Product> products;
    private final Map<String, AtomicInteger> ordered = new LinkedHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicBoolean ordering = new AtomicBoolean(true);
    private final AtomicBoolean working = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> formed = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedSteps = new AtomicInteger();
    private final AtomicInteger stepsDone = new AtomicInteger();
    private final AtomicInteger receipts = new AtomicInteger();
    private final AtomicInteger signatures = new AtomicInteger();
    private final int mostOrders;

    PeopleAtWork(DemoApi api, List<Product> products, int mostOrders) {
        this.api = api;
        this.products = products;
        this.mostOrders = mostOrders;
        products.forEach(product -> ordered.put(product.code(), new AtomicInteger()));
    }

    /** An orderer who, as the unit's receiver, also takes in what arrives and signs for it. */
    void ordererAndReceiver(String name, String token) {
        begin(name + "-orders", () -> order(token), ordering, 300);
        begin(name + "-receipts", () -> receiveAndSign(token), working, 500);
    }

    /** A signatory of a unit or of the DPA, signing certificates at their turn. */
    void signatory(String name, String token) {
        begin(name, () -> signCertificates(token), working, 500);
    }

    void stopOrdering() {
        ordering.set(false);
    }

    void stop() throws InterruptedException {
        ordering.set(false);
        working.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    /** The orders the orderers' checkouts answered with (signed then, or in the receivers' next round). */
    List<String> formed() {
        return formed;
    }

    /** Steps that failed (no answer, or not a success): the hub down, restarting, or away from its data. */
    int failedSteps() {
        return failedSteps.get();
    }

    /** Steps that succeeded, whatever they found to do. */
    int stepsDone() {
        return stepsDone.get();
    }

    int receipts() {
        return receipts.get();
    }

    int signatures() {
        return signatures.get();
    }

    /** One drone of the next product whose most is not reached yet, the products taken in turn. */
    private void order(String token) throws IOException, InterruptedException {
        for (int tried = 0; tried < products.size() && formed.size() < mostOrders; tried++) {
            Product product = products.get(Math.floorMod(turn.getAndIncrement(), products.size()));
            AtomicInteger count = ordered.get(product.code());
            if (count.getAndIncrement() < product.most()) {
                JsonNode orders;
                try {
                    orders = api.checkout(token, product.code(), 1);
                } catch (IOException | IllegalStateException notOrdered) {
                    // most likely nothing was ordered; should the checkout have gone through unanswered, the
                    // product's most stays below its stock by a margin
                    count.decrementAndGet();
                    throw notOrdered;
                }
                for (JsonNode order : orders) {
                    // a signature that fails is taken up by the receiver's round (orders awaiting signature)
                    sign(token, order.path("documentId").asLong());
                    formed.add(order.path("orderNumber").asText());
                }
                return;
            }
        }
        ordering.set(false);
    }

    private void receiveAndSign(String token) throws IOException, InterruptedException {
        for (JsonNode order : api.get(token, "/api/orders?status=AWAITING_SIGNATURE&size=100").path("content")) {
            sign(token, order.path("documentId").asLong());
        }
        for (JsonNode order : api.get(token, "/api/orders?status=SHIPPED&size=100").path("content")) {
            String orderNumber = order.path("orderNumber").asText();
            Map<String, List<String>> arrived = new LinkedHashMap<>();
            for (JsonNode item : api.get(token, "/api/orders/" + orderNumber + "/items")) {
                if (item.path("status").asText().equals("DESPATCHED")) {
                    arrived.computeIfAbsent(item.path("despatchNumber").asText(), despatch -> new ArrayList<>())
                            .add(item.path("serialNumber").asText());
                }
            }
            for (Map.Entry<String, List<String>> despatch : arrived.entrySet()) {
                if (api.call(token, "POST", "/api/orders/" + orderNumber + "/receipts", Map.of("despatchNumber",
                        despatch.getKey(), "received", despatch.getValue())).statusCode() == 201) {
                    receipts.incrementAndGet();
                }
            }
        }
        for (JsonNode invoice : api.get(token, "/api/invoices?status=AWAITING_SIGNATURE&size=100").path("content")) {
            sign(token, invoice.path("documentId").asLong());
        }
    }

    private void signCertificates(String token) throws IOException, InterruptedException {
        for (JsonNode certificate : api.get(token, "/api/certificates?status=AWAITING_SIGNATURES")) {
            // not yet the signatory's turn (the supplier signs first, the DPA last): a 409, taken up next time
            sign(token, certificate.path("documentId").asLong());
        }
    }

    private void sign(String token, long documentId) throws IOException, InterruptedException {
        if (api.sign(token, documentId) == 200) {
            signatures.incrementAndGet();
        }
    }

    private interface Step {
        void take() throws IOException, InterruptedException;
    }

    /**
     * A thread taking the step again and again while the flag is up, the pause apart, through the hub's outages: a
     * step that failed is taken again half a second later.
     */
    private void begin(String name, Step step, AtomicBoolean flag, long pauseMs) {
        Thread thread = new Thread(() -> {
            while (flag.get()) {
                long pause = pauseMs;
                try {
                    step.take();
                    stepsDone.incrementAndGet();
                } catch (IOException | RuntimeException notNow) {
                    failedSteps.incrementAndGet();
                    pause = 500;
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }
}

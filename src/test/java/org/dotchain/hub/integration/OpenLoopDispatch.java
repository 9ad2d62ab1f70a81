package org.dotchain.hub.integration;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.dotchain.hub.ordering.OrderPlacement;
import org.dotchain.hub.ordering.PurchaseOrder;

/**
 * Orders formed at a fixed offered rate, open-loop: each at its due time whether or not the earlier ones have
 * arrived (by a few threads, as units' people order at once), so that a slow hub shows as latency rather than as a
 * lower rate: from each order's due time to its arrival on the supplier's queue, and from its forming's commit.
 */
final class OpenLoopDispatch {

    /**
     * What one offered rate gave: the rate the orders were formed at, the percentiles from each order's commit to
     * its arrival, and the p99 from the time it was due (offered) to its arrival, which counts the wait for a former
     * too when the hub forms more slowly than offered.
     */
    record Result(int offeredPerSecond, double formedPerSecond, int orders, double p50, double p99, double max,
                  double offeredP99) {
    }

    private static final int FORMERS = 4;
    private static final List<String> UNITS = List.of("A1001", "A2002", "A3003");

    private final OrderPlacement placement;
    private final MessageConsumer consumer;
    private final AtomicInteger sequence = new AtomicInteger();

    OpenLoopDispatch(OrderPlacement placement, MessageConsumer consumer) {
        this.placement = placement;
        this.consumer = consumer;
    }

    Result run(int perSecond, Duration duration) throws Exception {
        int orders = (int) (perSecond * duration.toMillis() / 1000);
        Map<String, Long> formed = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        ExecutorService formers = Executors.newFixedThreadPool(FORMERS);
        ExecutorService receiver = Executors.newSingleThreadExecutor();
        try {
            Map<String, Long> due = new ConcurrentHashMap<>();
            AtomicBoolean allFormed = new AtomicBoolean();
            Future<?> receiving = receiver.submit(() -> {
                while (!allFormed.get() || !arrived.keySet().containsAll(formed.keySet())) {
                    Message message = consumer.receive(30_000);
                    if (message == null) {
                        throw new IllegalStateException("Only " + arrived.size() + " of " + orders + " arrived");
                    }
                    arrived.putIfAbsent(message.getJMSCorrelationID(), System.nanoTime());
                }
                return null;
            });
            long start = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            List<Future<?>> forming = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                long dueAt = start + i * interval;
                for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                forming.add(formers.submit(() -> {
                    PurchaseOrder order = placement.placeInStockOrder(
                            UNITS.get(sequence.getAndIncrement() % UNITS.size()), Map.of("SKF-FPV7", 1));
                    due.put(order.getOrderNumber(), dueAt);
                    placement.form(order.getOrderNumber());
                    formed.put(order.getOrderNumber(), System.nanoTime());
                    return null;
                }));
            }
            for (Future<?> one : forming) {
                one.get();
            }
            allFormed.set(true);
            receiving.get(60, TimeUnit.SECONDS);
            List<Double> latencies = new ArrayList<>();
            List<Double> fromOffer = new ArrayList<>();
            formed.forEach((order, at) -> {
                latencies.add(Math.max(0, arrived.get(order) - at) / 1e6);
                fromOffer.add(Math.max(0, arrived.get(order) - due.get(order)) / 1e6);
            });
            Collections.sort(latencies);
            Collections.sort(fromOffer);
            long first = Collections.min(formed.values());
            long last = Collections.max(formed.values());
            return new Result(perSecond, (orders - 1) / ((last - first) / 1e9), orders,
                    percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1),
                    percentile(fromOffer, 99));
        } finally {
            formers.shutdownNow();
            receiver.shutdownNow();
        }
    }

    static double percentile(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}

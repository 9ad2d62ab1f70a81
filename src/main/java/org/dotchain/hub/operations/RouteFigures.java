package org.dotchain.hub.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.dotchain.hub.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routes and queues as an operator watches them, from the hub's own metrics (Camel's route policy, the embedded
 * broker's queue figures): each route's state, exchanges, failures and times; each queue's waiting messages and
 * consumers. An operator stops or starts a route; each is audited.
 */
@Service
public class RouteFigures {

    /**
     * A route: its group (the partner or the flow its id begins with), state, exchanges and failures since the hub
     * started, mean time, and the longest of the last minutes.
     */
    public record RouteRow(String id, String group, String state, long exchanges, long failed, double meanMillis,
                           double recentMaxMillis) {
    }

    public record QueueRow(String queue, long waiting, long consumers) {
    }

    private final CamelContext camel;
    private final MeterRegistry registry;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    RouteFigures(CamelContext camel, MeterRegistry registry, AuditTrail audit, TransactionTemplate transaction) {
        this.camel = camel;
        this.registry = registry;
        this.audit = audit;
        this.transaction = transaction;
    }

    public List<RouteRow> routes() {
        return camel.getRoutes().stream().map(this::row)
                .sorted(Comparator.comparing(RouteRow::group).thenComparing(RouteRow::id)).toList();
    }

    public List<QueueRow> queues() {
        return registry.find("artemis.message.count").gauges().stream()
                .filter(gauge -> gauge.getId().getTag("queue") != null)
                .map(gauge -> {
                    String queue = gauge.getId().getTag("queue");
                    return new QueueRow(queue, (long) gauge.value(), (long) figure("artemis.consumer.count", queue));
                })
                .filter(row -> !row.queue().startsWith("$") && !row.queue().contains("activemq."))
                .sorted(Comparator.comparing(QueueRow::queue)).toList();
    }

    public void stop(String routeId, String operator) throws Exception {
        route(routeId);
        camel.getRouteController().stopRoute(routeId);
        transaction.executeWithoutResult(status -> audit.record(operator, "ROUTE_STOPPED", "route", routeId, ""));
    }

    public void start(String routeId, String operator) throws Exception {
        route(routeId);
        camel.getRouteController().startRoute(routeId);
        transaction.executeWithoutResult(status -> audit.record(operator, "ROUTE_STARTED", "route", routeId, ""));
    }

    private Route route(String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null) {
            throw new NoSuchElementException("No route " + routeId);
        }
        return route;
    }

    private RouteRow row(Route route) {
        String id = route.getRouteId();
        Timer timer = registry.find("camel.route.policy").tag("routeId", id).timer();
        return new RouteRow(id, id.contains("-") ? id.substring(0, id.indexOf('-')) : id,
                camel.getRouteController().getRouteStatus(id).name(), count("camel.exchanges.total", id),
                count("camel.exchanges.failed", id),
                timer == null ? 0 : timer.mean(TimeUnit.MILLISECONDS),
                timer == null ? 0 : timer.max(TimeUnit.MILLISECONDS));
    }

    private long count(String name, String routeId) {
        Counter counter = registry.find(name).tag("routeId", routeId).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    private double figure(String name, String queue) {
        Gauge gauge = registry.find(name).tag("queue", queue).gauge();
        return gauge == null ? 0 : gauge.value();
    }
}

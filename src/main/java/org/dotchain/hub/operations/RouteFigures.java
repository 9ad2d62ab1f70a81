package org.dotchain.hub.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.dotchain.hub.audit.AuditTrail;
import org.dotchain.hub.partners.Partner;
import org.dotchain.hub.partners.Partners;
import org.springframework.beans.factory.ObjectProvider;
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
     * started, mean and p99 time, the longest of the last minutes, and its last hour minute by minute.
     */
    public record RouteRow(String id, String group, String state, long exchanges, long failed, double meanMillis,
                           double p99Millis, double recentMaxMillis, RouteActivity.LastHour lastHour) {
    }

    public record QueueRow(String queue, long waiting, long consumers, double oldestSeconds) {
    }

    private final CamelContext camel;
    private final MeterRegistry registry;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final RouteActivity activity;
    private final ObjectProvider<Partners> partners;

    /** @param partners Camel's beans, made with its context: asked for when the console is read */
    RouteFigures(CamelContext camel, MeterRegistry registry, AuditTrail audit, TransactionTemplate transaction,
                 RouteActivity activity, ObjectProvider<Partners> partners) {
        this.camel = camel;
        this.registry = registry;
        this.audit = audit;
        this.transaction = transaction;
        this.activity = activity;
        this.partners = partners;
    }

    public List<RouteRow> routes() {
        List<String> codes = partners.getObject().all().stream().map(Partner::getCode).toList();
        return camel.getRoutes().stream().map(route -> row(route, codes))
                .sorted(Comparator.comparing(RouteRow::group).thenComparing(RouteRow::id)).toList();
    }

    /** The routes by the partner or flow they belong to, in the order of their names. */
    public Map<String, List<RouteRow>> routesByGroup() {
        return routes().stream().collect(Collectors.groupingBy(RouteRow::group, TreeMap::new, Collectors.toList()));
    }

    public List<QueueRow> queues() {
        return registry.find("artemis.message.count").gauges().stream()
                .filter(gauge -> gauge.getId().getTag("queue") != null)
                .map(gauge -> {
                    String queue = gauge.getId().getTag("queue");
                    return new QueueRow(queue, (long) gauge.value(), (long) figure("artemis.consumer.count", queue),
                            figure("hub.queue.oldest.message.age", queue));
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

    /** A partner's connector routes under the partner's code; the hub's own under their flow, the id's first word. */
    private RouteRow row(Route route, List<String> partnerCodes) {
        String id = route.getRouteId();
        String group = partnerCodes.stream().filter(code -> id.startsWith(code + "-")).findFirst()
                .orElse(id.contains("-") ? id.substring(0, id.indexOf('-')) : id);
        Timer timer = registry.find("camel.route.policy").tag("routeId", id).timer();
        return new RouteRow(id, group,
                camel.getRouteController().getRouteStatus(id).name(), count("camel.exchanges.total", id),
                count("camel.exchanges.failed", id),
                timer == null ? 0 : timer.mean(TimeUnit.MILLISECONDS), timer == null ? 0 : p99(timer),
                timer == null ? 0 : timer.max(TimeUnit.MILLISECONDS), activity.lastHour(id));
    }

    /** The 99th percentile the timer keeps (management.metrics.distribution.percentiles), in milliseconds. */
    private static double p99(Timer timer) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == 0.99) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
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

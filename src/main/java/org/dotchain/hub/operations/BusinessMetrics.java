package org.dotchain.hub.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The supply cycle in figures, for /actuator/prometheus: how many orders reached each step (formed, transferred,
 * shipped, delivered, paid...), how many are overdue to ship, the certificates waiting for each signer's role, and
 * the money committed and spent over all units, and the messages yet to leave. Tags are bounded sets (a status, a role), never an order's number.
 * The database is asked at most once in {@link #FRESH_FOR}, however many figures a scrape reads.
 */
@Component
class BusinessMetrics implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** Every status of an order (ordering's OrderStatus, which itself depends on this package's alerts). */
    static final List<String> STEPS = List.of("AWAITING_SUPPLIER_ANSWER", "DECLINED", "EXPIRED", "AWAITING_SIGNATURE",
            "CANCELLED", "FORMED", "TRANSFERRED", "ACCEPTED_BY_SUPPLIER", "REJECTED_BY_SUPPLIER", "PARTIALLY_SHIPPED",
            "SHIPPED", "PARTIALLY_DELIVERED", "DELIVERED", "PAID", "COMPLETED");
    static final List<String> SIGNER_ROLES = List.of("SUPPLIER", "UNIT_SIGNATORY", "DPA_SIGNATORY");

    /** One look at the figures. */
    record Figures(Map<String, Long> reached, long overdue, Map<String, Long> waiting, long late,
                   BigDecimal committed, BigDecimal spent, long outboxPending, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final JdbcTemplate db;
    private final Clock clock;
    private final Duration certificatePeriod;
    private volatile Figures last;

    BusinessMetrics(JdbcTemplate db, Clock clock,
                    @Value("${hub.settlement.certificate-period}") Duration certificatePeriod) {
        this.db = db;
        this.clock = clock;
        this.certificatePeriod = certificatePeriod;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String step : STEPS) {
            FunctionCounter.builder("hub.orders.reached", this, figure(f -> f.reached().getOrDefault(step, 0L)))
                    .description("Orders that reached the status, counted once each").tag("status", step)
                    .register(registry);
        }
        Gauge.builder("hub.orders.overdue", this, figure(Figures::overdue))
                .description("Orders past their ship-by date and not shipped").register(registry);
        for (String role : SIGNER_ROLES) {
            Gauge.builder("hub.certificates.waiting", this, figure(f -> f.waiting().getOrDefault(role, 0L)))
                    .description("Acceptance certificates whose turn to sign is this role's").tag("role", role)
                    .register(registry);
        }
        Gauge.builder("hub.certificates.late", this, figure(Figures::late))
                .description("Signed expenditure invoices not on an acceptance certificate within the period")
                .register(registry);
        Gauge.builder("hub.outbox.pending", this, figure(Figures::outboxPending))
                .description("Messages the hub has yet to hand to the broker").register(registry);
        Gauge.builder("hub.budget.committed.uah", this, figure(f -> f.committed().doubleValue()))
                .description("Money committed by signed orders over all units, not yet spent").register(registry);
        Gauge.builder("hub.budget.spent.uah", this, figure(f -> f.spent().doubleValue()))
                .description("Money spent on paid certificates over all units").register(registry);
    }

    private static ToDoubleFunction<BusinessMetrics> figure(ToDoubleFunction<Figures> of) {
        return metrics -> of.applyAsDouble(metrics.figures());
    }

    private Figures figures() {
        Figures known = last;
        Instant now = clock.instant();
        if (known != null && known.at().plus(FRESH_FOR).isAfter(now) && !known.at().isAfter(now)) {
            return known;
        }
        try {
            last = look(now);
        } catch (DataAccessException unreachable) {
            // the scrape goes on without the database: the last figures (or none), tried again in FRESH_FOR
            log.warn("The supply cycle's figures are not refreshed: {}", unreachable.getMostSpecificCause().toString());
            last = known == null ? new Figures(Map.of(), 0, Map.of(), 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, now)
                    : new Figures(known.reached(), known.overdue(), known.waiting(), known.late(), known.committed(),
                    known.spent(), known.outboxPending(), now);
        }
        return last;
    }

    private Figures look(Instant now) {
        Map<String, Long> reached = new HashMap<>();
        db.query("select to_status, count(distinct order_id) from order_status_change group by to_status",
                row -> {
                    reached.put(row.getString(1), row.getLong(2));
                });
        long overdue = db.queryForObject("select count(*) from purchase_order where status in ('FORMED', "
                + "'TRANSFERRED', 'ACCEPTED_BY_SUPPLIER') and ship_by < ?", Long.class,
                Date.valueOf(LocalDate.now(clock)));
        Map<String, Long> waiting = new HashMap<>();
        db.query("select s.party_role, count(*) from signing_round r join document d on d.id = r.document_id "
                + "join signing_step s on s.round_id = r.id and s.step_number = r.current_step "
                + "where r.status = 'IN_PROGRESS' and d.kind = 'ACCEPTANCE_CERTIFICATE' group by s.party_role",
                row -> {
                    waiting.put(row.getString(1), row.getLong(2));
                });
        long late = db.queryForObject("select count(*) from expenditure_invoice where status = 'SIGNED' and "
                + "signed_at < ?", Long.class, Timestamp.from(now.minus(certificatePeriod)));
        Map<String, Object> money = db.queryForMap("select coalesce(sum(committed), 0) as committed, "
                + "coalesce(sum(spent), 0) as spent from unit_budget");
        long outbox = db.queryForObject("select count(*) from outbox_message where sent_at is null", Long.class);
        return new Figures(reached, overdue, waiting, late, (BigDecimal) money.get("committed"),
                (BigDecimal) money.get("spent"), outbox, now);
    }
}

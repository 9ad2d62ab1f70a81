package org.dotchain.hub.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An order's trace for the operator: each status it reached and each hop of each message about it, its acceptance
 * certificates' messages included, from checkout to payment, in the order they happened.
 */
@Service
class OrderTrace {

    /** A step of the trace: a status the order reached, or a hop a message made through one of the hub's routes. */
    public record Step(Instant at, String status, String route, String transport, String source, String destination,
                String messageType, String messageId, Long elapsedMillis, String outcome, String reason, String steps,
                String body) {

        public boolean hop() {
            return route != null;
        }
    }

    /** The trace of a reference: an order number, or a certificate or offer number the messages carry. */
    public record Trace(String reference, boolean order, List<String> related, List<Step> steps) {

        public boolean found() {
            return order || !steps.isEmpty();
        }
    }

    /** An order's messages are a few dozen; a reference that gathered more shows its first ones. */
    static final int MAX_HOPS = 500;

    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;

    OrderTrace(JdbcTemplate db) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
    }

    Trace of(String reference) {
        List<Step> steps = new ArrayList<>(db.query("""
                        select s.to_status, s.reason, s.changed_at from order_status_change s
                        join purchase_order o on o.id = s.order_id where o.order_number = ? order by s.changed_at, s.id""",
                (row, n) -> new Step(row.getTimestamp("changed_at").toInstant(), row.getString("to_status"), null,
                        null, null, null, null, null, null, null, row.getString("reason"), null, null), reference));
        boolean order = !steps.isEmpty();
        List<String> related = db.queryForList("""
                select distinct c.certificate_number from acceptance_certificate c
                join acceptance_certificate_invoice ci on ci.certificate_id = c.id
                join expenditure_invoice i on i.id = ci.invoice_id
                join purchase_order o on o.id = i.order_id where o.order_number = ? order by 1""", String.class,
                reference);
        List<String> references = new ArrayList<>(related);
        references.add(reference);
        steps.addAll(named.query("""
                        select * from message_hop where correlation_id in (:references) order by started_at, id
                        limit :most""",
                new MapSqlParameterSource("references", references).addValue("most", MAX_HOPS),
                (row, n) -> new Step(row.getTimestamp("started_at").toInstant(), null, row.getString("route_id"),
                        row.getString("transport"), row.getString("source"), row.getString("destination"),
                        row.getString("message_type"), row.getString("message_id"), row.getLong("elapsed_ms"),
                        row.getString("outcome"), row.getString("reason"), row.getString("steps"),
                        row.getString("body"))));
        steps.sort(Comparator.comparing(Step::at));
        return new Trace(reference, order, related, steps);
    }
}

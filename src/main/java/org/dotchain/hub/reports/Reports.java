package org.dotchain.hub.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dotchain.hub.platform.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPA's reports over a period: what was paid, by supplier, by unit and by product type; and how each supplier
 * delivered the orders formed in the period. Periods are whole days, both ends included, in the hub's time zone.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /**
     * What spending is grouped by; each names the columns of its group, never text from the request, and the order
     * of its rows: the largest first, or (spending over time, by the month it was paid, 2026-11) the earliest.
     */
    public enum Dimension {
        SUPPLIER("s.code", "s.name", "sum(l.amount) desc, s.code"),
        UNIT("u.code", "u.designation", "sum(l.amount) desc, u.code"),
        PRODUCT_TYPE("p.product_type", "p.product_type", "sum(l.amount) desc, p.product_type"),
        MONTH("to_char(c.paid_on, 'YYYY-MM')", "to_char(c.paid_on, 'YYYY-MM')", "to_char(c.paid_on, 'YYYY-MM')");

        private final String key;
        private final String name;
        private final String order;

        Dimension(String key, String name, String order) {
            this.key = key;
            this.name = name;
            this.order = order;
        }
    }

    @JsonPropertyOrder({"key", "name", "spent", "orders", "certificates"})
    public record SpendingRow(String key, String name, BigDecimal spent, long orders, long certificates) {
    }

    public record Spending(LocalDate from, LocalDate to, Dimension by, String currency, List<SpendingRow> rows,
                           BigDecimal total) {
    }

    /**
     * @param shareShippedWithin7Days of the orders formed, those shipped whole by their ship-by date, 0 to 1
     * @param delivered               the orders delivered whole (one closed short is not)
     * @param averageDaysToDelivered  from formed to delivered, over the orders delivered; null while none is
     * @param shareWithClaims         of the orders formed, those with a claim (refused or missing items), 0 to 1
     */
    @JsonPropertyOrder({"supplierCode", "supplierName", "ordersFormed", "shippedWithin7Days",
            "shareShippedWithin7Days", "delivered", "averageDaysToDelivered", "ordersWithClaims", "shareWithClaims"})
    public record PerformanceRow(String supplierCode, String supplierName, long ordersFormed,
                                 long shippedWithin7Days, BigDecimal shareShippedWithin7Days, long delivered,
                                 BigDecimal averageDaysToDelivered, long ordersWithClaims,
                                 BigDecimal shareWithClaims) {
    }

    public record Performance(LocalDate from, LocalDate to, List<PerformanceRow> rows) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    Reports(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Paid acceptance certificates, by the day they were paid: their invoices' lines, grouped. */
    public Spending spending(Dimension by, Period period) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("select " + by.key + ", min(" + by.name + "), "
                        + "sum(l.amount), count(distinct o.id), count(distinct c.id) "
                        + "from acceptance_certificate c "
                        + "join acceptance_certificate_invoice ci on ci.certificate_id = c.id "
                        + "join expenditure_invoice_line l on l.invoice_id = ci.invoice_id "
                        + "join order_line ol on ol.id = l.order_line_id "
                        + "join purchase_order o on o.id = ol.order_id "
                        + "join product p on p.id = ol.product_id "
                        + "join supplier s on s.id = c.supplier_id "
                        + "join military_unit u on u.id = c.unit_id "
                        + "where c.status = 'PAID' and c.paid_on between :from and :to "
                        + "group by " + by.key + " order by " + by.order)
                .setParameter("from", Date.valueOf(period.firstDay()))
                .setParameter("to", Date.valueOf(period.lastDay())).getResultList();
        List<SpendingRow> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] row : found) {
            BigDecimal spent = (BigDecimal) row[2];
            rows.add(new SpendingRow((String) row[0], (String) row[1], spent, ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue()));
            total = total.add(spent);
        }
        return new Spending(period.from(), period.to(), by, "UAH", rows, total);
    }

    /** Every supplier with orders formed in the period: shipped in time, days to delivery, claims. */
    public Performance deliveryPerformance(Period period) {
        String zone = clock.getZone().getId();
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("""
                        with formed as (
                            select o.id, o.supplier_id, o.ship_by, o.closed_short_reason,
                                   min(c.changed_at) as formed_at
                            from purchase_order o join order_status_change c on c.order_id = o.id
                            where c.to_status = 'FORMED'
                            group by o.id, o.supplier_id, o.ship_by, o.closed_short_reason
                            having (min(c.changed_at) at time zone :zone)::date between :from and :to),
                        milestones as (
                            select f.id, f.supplier_id, f.ship_by, f.closed_short_reason, f.formed_at,
                                   (select min(c.changed_at) from order_status_change c where c.order_id = f.id
                                     and c.to_status = 'SHIPPED') as shipped_at,
                                   (select min(c.changed_at) from order_status_change c where c.order_id = f.id
                                     and c.to_status = 'DELIVERED' and f.closed_short_reason is null)
                                       as delivered_at,
                                   exists (select 1 from alert a join shipment s
                                             on a.subject_id like s.id || '@%' and s.order_id = f.id
                                           where a.kind = 'DELIVERY_CLAIM' and a.subject_type = 'receipt') as claimed
                            from formed f)
                        select s.code, s.name, count(*),
                               count(*) filter (where (m.shipped_at at time zone :zone)::date <= m.ship_by),
                               count(m.delivered_at),
                               avg(extract(epoch from m.delivered_at - m.formed_at) / 86400.0),
                               count(*) filter (where m.claimed)
                        from milestones m join supplier s on s.id = m.supplier_id
                        group by s.code, s.name order by s.code""")
                .setParameter("zone", zone)
                .setParameter("from", Date.valueOf(period.firstDay()))
                .setParameter("to", Date.valueOf(period.lastDay())).getResultList();
        List<PerformanceRow> rows = new ArrayList<>();
        for (Object[] row : found) {
            long formed = ((Number) row[2]).longValue();
            long onTime = ((Number) row[3]).longValue();
            long claimed = ((Number) row[6]).longValue();
            rows.add(new PerformanceRow((String) row[0], (String) row[1], formed, onTime, share(onTime, formed),
                    ((Number) row[4]).longValue(), row[5] == null ? null
                    : new BigDecimal(row[5].toString()).setScale(1, RoundingMode.HALF_UP), claimed,
                    share(claimed, formed)));
        }
        return new Performance(period.from(), period.to(), rows);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}

package org.dotchain.hub.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dotchain.hub.platform.Period;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The DPA's reports as a page: spending over time (month by month) and by supplier, unit and product type as bar
 * charts drawn on the server (SVG), delivery performance per supplier as a table, and each one's data as CSV.
 */
@Controller
@PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
class ReportPages {

    /** One bar of a chart: its label, its figure, and its length as a share of the longest (0 to 1). */
    record Bar(String key, String label, BigDecimal value, double share) {
    }

    record Chart(Reports.Dimension by, List<Bar> bars, BigDecimal total) {
    }

    private final Reports reports;

    ReportPages(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/admin/reports")
    String reports(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model) {
        Period period = new Period(from, to);
        model.addAttribute("charts", List.of(chart(Reports.Dimension.MONTH, period),
                chart(Reports.Dimension.SUPPLIER, period), chart(Reports.Dimension.UNIT, period),
                chart(Reports.Dimension.PRODUCT_TYPE, period)));
        model.addAttribute("performance", reports.deliveryPerformance(period));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "admin/reports";
    }

    @GetMapping("/admin/reports/spending.csv")
    @ResponseBody
    ResponseEntity<String> spendingCsv(@RequestParam(defaultValue = "SUPPLIER") Reports.Dimension by,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return CsvFiles.of("spending-by-" + by.name().toLowerCase(Locale.ROOT), from, to,
                reports.spending(by, new Period(from, to)).rows(), Reports.SpendingRow.class);
    }

    @GetMapping("/admin/reports/delivery-performance.csv")
    @ResponseBody
    ResponseEntity<String> performanceCsv(@RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return CsvFiles.of("delivery-performance", from, to, reports.deliveryPerformance(new Period(from, to)).rows(),
                Reports.PerformanceRow.class);
    }

    private Chart chart(Reports.Dimension by, Period period) {
        Reports.Spending spending = reports.spending(by, period);
        BigDecimal longest = spending.rows().stream().map(Reports.SpendingRow::spent).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE);
        List<Bar> bars = spending.rows().stream().map(row -> new Bar(row.key(), row.name(), row.spent(),
                longest.signum() == 0 ? 0 : row.spent().divide(longest, 4, RoundingMode.HALF_UP).doubleValue()))
                .toList();
        return new Chart(by, bars, spending.total());
    }
}

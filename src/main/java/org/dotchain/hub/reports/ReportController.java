package org.dotchain.hub.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dotchain.hub.platform.Period;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/reports")
@PreAuthorize("hasAnyRole('DPA_ADMIN', 'DPA_SIGNATORY')")
@Tag(name = "Reports", description = "The DPA's reports over a period, as JSON or, with Accept: text/csv, as CSV "
        + "for a spreadsheet")
class ReportController {

    static final String CSV = CsvFiles.CSV;

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/spending", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What was paid in the period (acceptance certificates by the day paid), by supplier, unit "
            + "or product type, or month by month (MONTH: 2026-11, the earliest first), with the total")
    Reports.Spending spending(@Parameter(example = "SUPPLIER") @RequestParam(defaultValue = "SUPPLIER")
                              Reports.Dimension by,
                              @Parameter(example = "2026-01-01") @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @Parameter(example = "2026-12-31") @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.spending(by, new Period(from, to));
    }

    @GetMapping(value = "/spending", produces = CSV)
    ResponseEntity<String> spendingCsv(@RequestParam(defaultValue = "SUPPLIER") Reports.Dimension by,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("spending-by-" + by.name().toLowerCase(Locale.ROOT), from, to,
                reports.spending(by, new Period(from, to)).rows(), Reports.SpendingRow.class);
    }

    @GetMapping(value = "/delivery-performance", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per supplier, of the orders formed in the period: shipped within the 7 days, average days "
            + "from formed to delivered, share with claims")
    Reports.Performance deliveryPerformance(@Parameter(example = "2026-01-01") @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @Parameter(example = "2026-12-31") @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.deliveryPerformance(new Period(from, to));
    }

    @GetMapping(value = "/delivery-performance", produces = CSV)
    ResponseEntity<String> deliveryPerformanceCsv(@RequestParam(required = false)
                                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                  @RequestParam(required = false)
                                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("delivery-performance", from, to, reports.deliveryPerformance(new Period(from, to)).rows(),
                Reports.PerformanceRow.class);
    }

    private <R> ResponseEntity<String> csv(String report, LocalDate from, LocalDate to, List<R> rows, Class<R> type) {
        return CsvFiles.of(report, from, to, rows, type);
    }
}

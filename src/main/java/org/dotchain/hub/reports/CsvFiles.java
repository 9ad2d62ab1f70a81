package org.dotchain.hub.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report's rows as a CSV file for a spreadsheet: a header line, then a line per row; named after its period. */
final class CsvFiles {

    static final String CSV = "text/csv";
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvFiles() {
    }

    static <R> ResponseEntity<String> of(String report, LocalDate from, LocalDate to, List<R> rows, Class<R> type) {
        String name = report + (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to) + ".csv";
        try {
            String body = MAPPER.writer(MAPPER.schemaFor(type).withHeader()).writeValueAsString(rows);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                            .toString())
                    .body(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report's rows always write as CSV", e);
        }
    }
}

package org.dotchain.hub.documents;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns a document request into the data model of the templates in document-templates/: plain strings, formatted
 * here once and independently of the machine's locale, so that the same request always renders the same document.
 */
@Component("documentModel")
public class DocumentModel {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Agency agency;

    public DocumentModel(Agency agency) {
        this.agency = agency;
    }

    /** The procuring agency, named on every document. */
    @ConfigurationProperties("hub.agency")
    public record Agency(String name, String code, String legalBasis) {
    }

    public Map<String, Object> toModel(DocumentRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", request.number());
        model.put("issuedOn", DATE.format(request.issuedOn()));
        model.put("dpa", Map.of("name", agency.name(), "code", agency.code()));
        model.put("unit", Map.of("designation", request.unitDesignation()));
        model.put("supplier", Map.of("name", request.supplierName(), "code", request.supplierRegistrationCode(),
                "registrationCode", request.supplierRegistrationCode()));
        List<Map<String, Object>> lines = new ArrayList<>();
        int number = 1;
        for (DocumentRequest.Line line : request.lines()) {
            lines.add(Map.of(
                    "number", Integer.toString(number++),
                    "name", line.productName(),
                    "code", line.productCode(),
                    "quantity", Integer.toString(line.quantity()),
                    "unitPrice", money(line.unitPrice()),
                    "amount", money(line.amount()),
                    "serials", line.serialNumbers() == null ? "" : String.join(", ", line.serialNumbers())));
        }
        model.put("lines", lines);
        model.put("total", money(request.total()));
        model.put("legalBasis", agency.legalBasis());
        model.put("reference", request.reference() == null ? "—" : request.reference());
        if (request.shipBy() != null) {
            model.put("shipBy", DATE.format(request.shipBy()));
        }
        model.put("signatures", request.signatureBlocks().stream()
                .map(block -> Map.of("role", block.role(), "party", block.party(), "field", block.field()))
                .toList());
        return model;
    }

    /** 1 234 567,89: the Ukrainian way of writing an amount. */
    static String money(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount);
    }
}

package org.dotchain.hub.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Document requests as the ordering and settlement features build them. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    public static DocumentRequest acceptanceCertificate(String number) {
        return new DocumentRequest(Document.Kind.ACCEPTANCE_CERTIFICATE, number, LocalDate.of(2026, 11, 25),
                "Військова частина А1001", "ТОВ «Скайфордж Дайнемікс» / Skyforge Dynamics LLC", "41234567",
                List.of(new DocumentRequest.Line("Skyforge FPV-7 strike drone", "SKF-FPV7", 3, new BigDecimal("14500.00"),
                                List.of("SKF7-000101", "SKF7-000102", "SKF7-000103")),
                        new DocumentRequest.Line("Skyforge R-1 signal relay drone", "SKF-RELAY", 1,
                                new BigDecimal("58000.00"), List.of("SKFR-000017"))),
                "EI-2026-000001, EI-2026-000002", null,
                List.of(new DocumentRequest.SignatureBlock("Постачальник / Supplier", "Skyforge Dynamics LLC",
                                "sig1-supplier-skyforge"),
                        new DocumentRequest.SignatureBlock("Військова частина / Unit signatory", "Військова частина А1001",
                                "sig2-unit-signatory-a1001"),
                        new DocumentRequest.SignatureBlock("Агенція / DPA signatory", "Defence Procurement Agency",
                                "sig3-dpa-signatory")));
    }
}

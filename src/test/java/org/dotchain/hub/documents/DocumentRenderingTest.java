package org.dotchain.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.dotchain.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

@HubIntegrationTest
class DocumentRenderingTest {

    static final Instant CREATED = Instant.parse("2026-11-25T10:15:30Z");

    @Autowired
    DocumentRendering rendering;
    @Autowired
    ProducerTemplate producer;

    @Test
    void rendersAnA4PdfAWithEmbeddedFontsThatPdfBoxParses() throws Exception {
        byte[] pdf = rendering.render(SampleDocuments.acceptanceCertificate("AC-2026-000042"), CREATED);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().exportXMPMetadata());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(CREATED);
        }
    }

    @Test
    void printsTheWholeDocumentInUkrainianAndEnglish() {
        byte[] pdf = rendering.render(SampleDocuments.acceptanceCertificate("AC-2026-000043"), CREATED);

        String text = producer.requestBody("direct:extract-document-text", pdf, String.class);

        assertThat(text)
                .contains("Акт приймання-передачі / Acceptance certificate")
                .contains("№ AC-2026-000043 від / of 25.11.2026")
                .contains("Військова частина А1001")
                .contains("ЄДРПОУ / Code 41234567")
                .contains("SKF-FPV7").contains("SKF7-000102")
                .contains("14\u00a0500,00").contains("43\u00a0500,00")
                .contains("Разом / Total: 101\u00a0500,00 грн / UAH")
                .contains("Law of Ukraine \"On Defence Procurement\"")
                .contains("sig1-supplier-skyforge").contains("sig2-unit-signatory-a1001").contains("sig3-dpa-signatory")
                .contains("EI-2026-000001");
    }

    @ParameterizedTest
    @EnumSource(Document.Kind.class)
    void everyKindHasItsTemplate(Document.Kind kind) {
        DocumentRequest certificate = SampleDocuments.acceptanceCertificate("DOC-2026-000045");
        DocumentRequest request = new DocumentRequest(kind, certificate.number(), certificate.issuedOn(),
                certificate.unitDesignation(), certificate.supplierName(), certificate.supplierRegistrationCode(),
                certificate.lines(), "ORD-2026-000007", LocalDate.of(2026, 12, 2), certificate.signatureBlocks());

        String text = producer.requestBody("direct:extract-document-text", rendering.render(request, CREATED),
                String.class);

        assertThat(text).contains(switch (kind) {
            case ORDER -> "Замовлення / Order";
            case EXPENDITURE_INVOICE -> "Видаткова накладна / Expenditure invoice";
            case ACCEPTANCE_CERTIFICATE -> "Акт приймання-передачі / Acceptance certificate";
        }).contains("№ DOC-2026-000045").contains("Разом / Total: 101\u00a0500,00 грн / UAH");
        if (kind == Document.Kind.ORDER) {
            assertThat(text).contains("Ship by: 02.12.2026");
        }
    }

    @Test
    void rendersTheSameBytesForTheSameRequestAndCreationTime() {
        DocumentRequest request = SampleDocuments.acceptanceCertificate("AC-2026-000044");

        byte[] first = rendering.render(request, CREATED);
        byte[] second = rendering.render(request, CREATED);
        byte[] later = rendering.render(request, CREATED.plusSeconds(60));

        assertThat(second).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }
}

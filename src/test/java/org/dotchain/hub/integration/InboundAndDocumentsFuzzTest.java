package org.dotchain.hub.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import freemarker.template.Configuration;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dotchain.contracts.suppliermessages.v1.ObjectFactory;
import org.dotchain.hub.documents.Document;
import org.dotchain.hub.documents.DocumentModel;
import org.dotchain.hub.documents.DocumentRendering;
import org.dotchain.hub.documents.DocumentRequest;
import org.dotchain.hub.documents.PdfRenderer;
import org.dotchain.hub.documents.TemplateConfiguration;
import org.dotchain.hub.platform.InvalidMessageException;
import org.dotchain.hub.platform.TextHygiene;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzzing (Jazzer) of what reads a partner's message and of what writes a document: a partner's
 * JSON as the inbox reads it, a partner's SOAP request as the contract's XSD and JAXB read it and the hub turns it
 * into its JSON message, and any text the hub admits, rendered into each kind of document. Each input is taken or
 * refused in words (InvalidMessageException, a parser's refusal); a text the hub admits always renders into a PDF
 * that PDFBox reads back. {@code mvn verify} fuzzes for a bounded time (JAZZER_FUZZ, surefire's
 * fuzz execution); without it, the test replays the inputs kept beside it.
 */
class InboundAndDocumentsFuzzTest {

    /** As the hub's: a field twice is refused (the inbox adds the text rule itself). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final PartnerInbox INBOX = new PartnerInbox(JSON, null, List.of());
    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final DocumentModel MODEL = new DocumentModel(new DocumentModel.Agency("Defence Procurement "
            + "Agency", "43000000", "Resolution No. 1"));
    private static final Configuration TEMPLATES;
    private static final JAXBContext CONTRACT;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        try {
            TEMPLATES = TemplateConfiguration.templates("");
            CONTRACT = JAXBContext.newInstance(ObjectFactory.class);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        // reading a document back, PDFBox stands in for the form's unembedded ZapfDingbats each time: noise here
        ((Logger) LoggerFactory.getLogger("org.apache.pdfbox.pdmodel.font")).setLevel(Level.ERROR);
        // as CXF reads a request: no DTD, no external entity
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    @FuzzTest(maxDuration = "25s")
    void anyInputIsTakenOrRefusedInWords(FuzzedDataProvider data) throws Exception {
        switch (data.consumeInt(0, 2)) {
            case 0 -> partnerJson(data.consumeRemainingAsString());
            case 1 -> partnerSoap(data.consumeRemainingAsString());
            default -> document(data);
        }
    }

    private static void partnerJson(String message) {
        try {
            assertThat(INBOX.read(message).isObject()).isTrue();
        } catch (InvalidMessageException refused) {
            assertThat(refused.getMessage()).doesNotContain("Exception").doesNotContain("com.fasterxml");
        }
    }

    private static void partnerSoap(String request) throws Exception {
        Object message;
        try {
            var unmarshaller = CONTRACT.createUnmarshaller();
            unmarshaller.setSchema(SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
                    InboundAndDocumentsFuzzTest.class.getResource("/connectors/contracts/supplier-messages-v1.xsd")));
            message = unmarshaller.unmarshal(XML.createXMLStreamReader(new StringReader(request)));
        } catch (JAXBException | XMLStreamException | IllegalArgumentException refused) {
            return;
        }
        Object body = message instanceof JAXBElement<?> element ? element.getValue() : message;
        String json;
        try {
            json = SoapMessages.toJson(body);
        } catch (InvalidMessageException refused) {
            return;
        }
        // what the SOAP transport hands on is a message the inbox reads like any other
        partnerJson(json);
    }

    /** A document with fuzzed texts where people's and partners' texts go: renders if the hub admits the texts. */
    private static void document(FuzzedDataProvider data) throws Exception {
        Document.Kind kind = data.pickValue(Document.Kind.values());
        String unit = data.consumeString(200);
        String supplier = data.consumeString(200);
        String product = data.consumeString(200);
        String serial = data.consumeString(64);
        String reference = data.consumeRemainingAsString();
        if (!List.of(unit, supplier, product, serial, reference).stream().allMatch(TextHygiene::isCleanLine)) {
            return;
        }
        DocumentRequest request = new DocumentRequest(kind,
                "ORD-2026-000001", LocalDate.of(2026, 12, 1), unit, supplier, "41234567",
                List.of(new DocumentRequest.Line(product, "SKF-FPV7", 1, new BigDecimal("14500.00"),
                        List.of(serial))), reference, LocalDate.of(2026, 12, 20),
                List.of(new DocumentRequest.SignatureBlock("Unit", unit, "sig1-unit")));
        StringWriter xhtml = new StringWriter();
        TEMPLATES.getTemplate(DocumentRendering.templateOf(request.kind()) + ".ftlh")
                .process(MODEL.toModel(request), xhtml);
        byte[] pdf = RENDERER.render(xhtml.toString(), Instant.parse("2026-12-01T10:00:00Z"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).as("the document names its number").contains("ORD-2026-000001");
        }
    }
}

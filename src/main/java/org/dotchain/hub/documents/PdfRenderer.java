package org.dotchain.hub.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.zip.CRC32;
import org.apache.camel.Header;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import javax.xml.transform.TransformerException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.stereotype.Component;

/**
 * Lays out an XHTML document on A4 and writes it as PDF/A-2b, with the DejaVu fonts from document-templates/fonts
 * embedded and the sRGB profile as output intent. The same XHTML and creation time give the same bytes.
 */
@Component("pdfRenderer")
public class PdfRenderer {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String PRODUCER = "dotchain-hub";
    private static final int PDFA_PART = 2;
    private static final String PDFA_CONFORMANCE = "B";

    static {
        // The renderer logs every document at INFO; only its warnings are worth an operator's attention.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final byte[] regularFont = resource("document-templates/fonts/DejaVuSans.ttf");
    private final byte[] boldFont = resource("document-templates/fonts/DejaVuSans-Bold.ttf");
    private final byte[] srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * Parsing a font takes longer than laying out a page, so each thread parses the fonts once. A parsed font is not
     * safe to share between threads: PDFBox reads glyphs from it while it embeds the subset.
     */
    private final ThreadLocal<TrueTypeFont[]> parsedFonts = ThreadLocal.withInitial(() ->
            new TrueTypeFont[] {parse(regularFont), parse(boldFont)});

    public byte[] render(String xhtml, @Header(DocumentHeaders.CREATED_AT) Instant createdAt) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(document)
                    .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B)
                    .useColorProfile(srgbProfile)
                    .withProducer(PRODUCER)
                    .useFont(new PDFontSupplier(PDType0Font.load(document, parsedFonts.get()[0], true)),
                            FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(new PDFontSupplier(PDType0Font.load(document, parsedFonts.get()[1], true)),
                            FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            stampCreationTime(document, createdAt);
            CRC32 seed = new CRC32();
            seed.update(xhtml.getBytes(StandardCharsets.UTF_8));
            document.setDocumentId(seed.getValue() ^ createdAt.toEpochMilli());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the document as PDF", e);
        }
    }

    /**
     * The renderer stamps the current time; writing the metadata anew with the document's own creation time makes
     * rendering repeatable. The PDF/A identification stays as the renderer declared it.
     */
    private static void stampCreationTime(PDDocument document, Instant createdAt) throws IOException {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(createdAt.toEpochMilli());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreationDate(created);
        info.setModificationDate(created);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(PDFA_PART);
            pdfa.setConformance(PDFA_CONFORMANCE);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            basic.setMetadataDate(created);
            basic.setCreatorTool(PRODUCER);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
            if (info.getTitle() != null) {
                xmp.createAndAddDublinCoreSchema().setTitle(info.getTitle());
            }
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, serialized, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(serialized.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (TransformerException | BadFieldValueException e) {
            throw new IOException("Cannot write the XMP metadata", e);
        }
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document font", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.dotchain.hub.signing;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.dotchain.hub.BenchmarkReport;
import org.dotchain.hub.documents.DocumentModel;
import org.dotchain.hub.documents.DocumentRequest;
import org.dotchain.hub.documents.PdfRenderer;
import org.dotchain.hub.documents.SampleDocuments;
import org.dotchain.hub.documents.TemplateConfiguration;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Documents rendered, signed and verified per second on one thread, the same steps as the document-render route and
 * SigningService take, beside a baseline measured in the same run: PDFBox writing a page with a box on it.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.dotchain.hub.signing.DocumentBenchmark -Dexec.classpathScope=test</pre>
 */
public final class DocumentBenchmark {

    private static final long WARM_UP_MS = 5_000;
    private static final long MEASURE_MS = 6_000;

    public static void main(String[] args) throws Exception {
        // PDFBox warns, for each new document, that this machine lacks the standard fonts the AcroForm lists.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        DocumentModel model = new DocumentModel(new DocumentModel.Agency("Defence Procurement Agency", "00000000",
                "Law of Ukraine \"On Defence Procurement\""));
        Configuration templates = TemplateConfiguration.templates("");
        Template template = templates.getTemplate("acceptance-certificate.ftlh");
        PdfRenderer renderer = new PdfRenderer();
        DocumentRequest request = SampleDocuments.acceptanceCertificate("AC-2026-BENCH01");
        Instant created = Instant.parse("2026-11-25T10:00:00Z");

        DevelopmentCertificateAuthority ca = new DevelopmentCertificateAuthority(
                Files.createTempDirectory("benchmark-ca"), "benchmark".toCharArray(), Clock.systemUTC());
        SigningCredentials supplier = ca.credentialsFor("supplier:skyforge", "Skyforge Dynamics LLC");
        SignatureSchemes schemes = new SignatureSchemes(List.of(new RsaSignatureScheme(), new EcdsaP256SignatureScheme()));
        SignatureScheme scheme = schemes.require(supplier.certificate().getPublicKey());
        PdfSignaturePreparer preparer = new PdfSignaturePreparer();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("ca", ca));
        SignatureVerifier verifier = new SignatureVerifier(
                new TrustedCertificates(new SigningProperties(Duration.ofHours(48), List.of(),
                        new SigningProperties.Development(true, "benchmark")),
                        beans.getBeanProvider(DevelopmentCertificateAuthority.class)),
                schemes, Clock.systemUTC());
        List<ExpectedSigner> expected = List.of(new ExpectedSigner("sig1-supplier-skyforge", "supplier:skyforge"));

        Supplier<byte[]> render = () -> {
            try {
                StringWriter xhtml = new StringWriter();
                template.process(model.toModel(request), xhtml);
                return renderer.render(xhtml.toString(), created);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        byte[] rendered = render.get();
        java.util.function.Function<byte[], byte[]> sign = pdf -> {
            PreparedSignature prepared = preparer.prepare(pdf, "sig1-supplier-skyforge", "Skyforge Dynamics LLC",
                    "benchmark", Instant.now(), scheme.digestAlgorithm());
            return prepared.embed(PadesCmsBuilder.sign(prepared.contentDigest(), supplier.privateKey(),
                    scheme.signatureAlgorithm(), supplier.chain()));
        };
        byte[] signed = sign.apply(rendered);
        if (!verifier.verify(signed, expected).passed()) {
            throw new IllegalStateException("The benchmark's own signature does not verify");
        }

        // The layout engine is large: let the JIT finish with it before anything is measured.
        long warmUpEnd = System.currentTimeMillis() + 2 * WARM_UP_MS;
        while (System.currentTimeMillis() < warmUpEnd) {
            verifier.verify(sign.apply(render.get()), expected);
        }
        System.out.printf("Document benchmark: one thread, %d s per figure after %d s warm-up; %d-byte document%n",
                MEASURE_MS / 1000, WARM_UP_MS / 1000, rendered.length);
        double baseline = rate("baseline: PDFBox page with a box", DocumentBenchmark::plainPage);
        double templating = rate("  of which the template (FreeMarker)", () -> {
            try {
                StringWriter xhtml = new StringWriter();
                template.process(model.toModel(request), xhtml);
                return xhtml.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double renders = rate("render (template + layout + PDF/A)", render::get);
        double signs = rate("sign (prepare + CMS ECDSA P-256 + embed)", () -> sign.apply(rendered));
        double renderAndSign = rate("render + sign", () -> sign.apply(render.get()));
        double verifies = rate("verify (one signature)", () -> verifier.verify(signed, expected));
        System.out.printf("%ntemplate alone: %.1f per second, %.2f of a baseline page's cost%n", templating,
                baseline / templating);
        System.out.printf("render + sign: %.0f documents per second per core (target 100)%n", renderAndSign);
        String page = "PDFBox page with a box (pages/s)";
        BenchmarkReport report = new BenchmarkReport("Document benchmark: one thread, per second per core")
                .setting("documentBytes", rendered.length).setting("warmUpSeconds", WARM_UP_MS / 1000)
                .setting("measureSeconds", MEASURE_MS / 1000);
        report.add("render (template + layout + PDF/A)", renders, "documents/s", page, baseline);
        report.add("sign (prepare + CMS ECDSA P-256 + embed)", signs, "documents/s", page, baseline);
        report.add("render + sign", renderAndSign, "documents/s", page, baseline);
        report.add("verify (one signature)", verifies, "documents/s", page, baseline);
        report.publish("documents");
    }

    private static double rate(String name, Supplier<?> operation) {
        AtomicReference<Object> sink = new AtomicReference<>();
        long warmUpEnd = System.currentTimeMillis() + WARM_UP_MS;
        while (System.currentTimeMillis() < warmUpEnd) {
            sink.set(operation.get());
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + MEASURE_MS * 1_000_000;
        while (System.nanoTime() < end) {
            sink.set(operation.get());
            count++;
        }
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%-45s %8.1f per second  (%.2f ms each)%n", name, perSecond, 1000 / perSecond);
        return perSecond;
    }

    private static byte[] plainPage() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(72, 700, 451, 40);
                content.stroke();
            }
            document.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

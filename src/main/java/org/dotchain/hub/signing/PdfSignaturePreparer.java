package org.dotchain.hub.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.springframework.stereotype.Component;

/**
 * Adds a PAdES signature field to a PDF as an incremental update, so that earlier signatures stay valid, and leaves
 * its /Contents empty for a CMS signature made elsewhere.
 */
@Component
public class PdfSignaturePreparer {

    /** ETSI EN 319 142-1: PAdES signatures use this sub-filter. */
    static final COSName PADES_SUBFILTER = COSName.getPDFName("ETSI.CAdES.detached");
    /** Room for the CMS: the signer's certificate chain and the signature, with margin. */
    static final int SIGNATURE_SIZE = 12_288;

    public PreparedSignature prepare(byte[] pdf, String fieldName, String signerName, String reason,
                                     Instant signingTime, String digestAlgorithm) {
        try (PDDocument document = Loader.loadPDF(pdf);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PADES_SUBFILTER);
            signature.setName(signerName);
            signature.setReason(reason);
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            time.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);
            nameField(document, signature, fieldName);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] digest = digest(external.getContent(), digestAlgorithm);
            external.setSignature(new byte[0]);
            return new PreparedSignature(out.toByteArray(), signature.getByteRange(), digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the document for signing", e);
        }
    }

    /** PDFBox names a new field Signature1, 2, ...; the hub names it after the step, so the order shows in the PDF. */
    private static void nameField(PDDocument document, PDSignature signature, String fieldName) {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null
                    && signatureField.getSignature().getCOSObject() == signature.getCOSObject()) {
                signatureField.setPartialName(fieldName);
                return;
            }
        }
        throw new IllegalStateException("The new signature field was not found");
    }

    private static byte[] digest(InputStream content, String algorithm) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[8192];
            for (int read; (read = content.read(buffer)) != -1; ) {
                digest.update(buffer, 0, read);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Unknown digest " + algorithm, e);
        }
    }
}

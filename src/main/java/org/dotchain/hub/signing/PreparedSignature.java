package org.dotchain.hub.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A revision of a PDF with an empty signature: the byte range is fixed, the /Contents placeholder between its two
 * parts is zeros. Embedding a CMS signature writes it into the placeholder and changes no other byte.
 *
 * @param byteRange     offset and length of the two signed parts, as in the signature dictionary
 * @param contentDigest digest of the two parts: what the signer's CMS must cover
 */
public record PreparedSignature(byte[] pdf, int[] byteRange, byte[] contentDigest) {

    public byte[] embed(byte[] cms) {
        int placeholderStart = byteRange[1] + 1;
        int placeholderLength = byteRange[2] - 1 - placeholderStart;
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        if (hex.length > placeholderLength) {
            throw new SignatureRejectedException("The signature is " + cms.length
                    + " bytes, more than the " + placeholderLength / 2 + " bytes reserved for it");
        }
        byte[] signed = Arrays.copyOf(pdf, pdf.length);
        System.arraycopy(hex, 0, signed, placeholderStart, hex.length);
        return signed;
    }

    public String byteRangeText() {
        return byteRange[0] + " " + byteRange[1] + " " + byteRange[2] + " " + byteRange[3];
    }

    static int[] parseByteRange(String text) {
        return Arrays.stream(text.split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}

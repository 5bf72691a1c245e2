package vn.ccn.dms.pades.signing;

import java.time.ZonedDateTime;
import java.util.Objects;
import vn.ccn.dms.pades.crypto.Digest;

/**
 * The result of {@link PadesSigningService#prepare}: the prepared PDF (original bytes plus an incremental
 * update whose /Contents is zero-filled), where /Contents is, and what must be signed. It is plain data and
 * can be kept while a remote signer answers; {@link #digestToSign()} is all that leaves the server.
 *
 * @param preparedPdf the PDF with the reserved signature
 * @param byteRange the /ByteRange written into the signature dictionary
 * @param documentDigest digest of the bytes covered by the byte range (the CMS message-digest attribute)
 * @param signedAttributes DER encoding of the CMS signed attributes built for this signature
 * @param digestToSign digest of {@code signedAttributes}: what the signer signs
 * @param signingTime the claimed signing time written to /M
 * @param parameters the parameters used
 */
public record DataToSign(byte[] preparedPdf, long[] byteRange, Digest documentDigest, byte[] signedAttributes,
        Digest digestToSign, ZonedDateTime signingTime, SignatureParameters parameters) {

    public DataToSign {
        Objects.requireNonNull(preparedPdf, "preparedPdf");
        Objects.requireNonNull(byteRange, "byteRange");
        Objects.requireNonNull(documentDigest, "documentDigest");
        Objects.requireNonNull(signedAttributes, "signedAttributes");
        Objects.requireNonNull(digestToSign, "digestToSign");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(parameters, "parameters");
        if (byteRange.length != 4) {
            throw new IllegalArgumentException("byteRange must have 4 entries");
        }
        preparedPdf = preparedPdf.clone();
        byteRange = byteRange.clone();
        signedAttributes = signedAttributes.clone();
    }

    @Override
    public byte[] preparedPdf() {
        return preparedPdf.clone();
    }

    @Override
    public long[] byteRange() {
        return byteRange.clone();
    }

    @Override
    public byte[] signedAttributes() {
        return signedAttributes.clone();
    }

    /** Bytes available for the hex-encoded CMS, in bytes of CMS. */
    public int reservedCmsBytes() {
        return (int) ((byteRange[2] - byteRange[1] - 2) / 2);
    }
}

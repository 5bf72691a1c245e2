package vn.ccn.dms.pades.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.util.Objects;
import vn.ccn.dms.pades.PadesLevel;

/**
 * A signed PDF: the bytes to store as a new immutable version, the level reached and the claimed signing time.
 */
public record SignedPdf(byte[] bytes, PadesLevel level, ZonedDateTime signingTime, String fieldName) {

    public SignedPdf {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(fieldName, "fieldName");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }
}

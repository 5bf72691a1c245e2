package vn.ccn.dms.pades.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PDF to sign, held in memory: incremental signing appends to the original bytes, which must stay
 * byte-for-byte identical, so the engine keeps its own copy rather than a stream that could change.
 */
public final class PdfInput {

    private final byte[] bytes;

    private PdfInput(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PdfInput of(byte[] bytes) {
        return new PdfInput(Objects.requireNonNull(bytes, "bytes").clone());
    }

    public static PdfInput read(InputStream in) throws IOException {
        return new PdfInput(Objects.requireNonNull(in, "in").readAllBytes());
    }

    public static PdfInput of(Path file) throws IOException {
        return new PdfInput(Files.readAllBytes(Objects.requireNonNull(file, "file")));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }
}

package vn.ccn.dms.devstack.api;

import jakarta.json.JsonStructure;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} request body (RFC 7578) whose file parts are streamed from disk while the
 * request is sent, never read into memory first. The length is known in advance, so the request carries a
 * {@code Content-Length} rather than chunked encoding.
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.builder()
 *         .json("metadata", metadata)
 *         .file("file", Path.of("to-trinh.pdf"), "application/pdf")
 *         .build();
 * }</pre>
 */
public final class MultipartBody {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final String BOUNDARY_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<Part> parts;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = List.copyOf(parts);
    }

    public static Builder builder() {
        return new Builder(randomBoundary());
    }

    /** For tests that compare the encoded bytes: a fixed boundary. */
    static Builder builder(String boundary) {
        return new Builder(boundary);
    }

    /** The value of the request's {@code Content-Type} header, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public String boundary() {
        return boundary;
    }

    /**
     * A publisher of the encoded body; file parts are opened when this is called and read while sending.
     *
     * @throws UncheckedIOException when a file part no longer exists
     */
    public BodyPublisher publisher() {
        List<BodyPublisher> pieces = new ArrayList<>();
        for (Part part : parts) {
            pieces.add(BodyPublishers.ofByteArray(partHead(part)));
            pieces.add(part.content());
            pieces.add(BodyPublishers.ofByteArray(CRLF));
        }
        pieces.add(BodyPublishers.ofByteArray(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        return BodyPublishers.concat(pieces.toArray(BodyPublisher[]::new));
    }

    private byte[] partHead(Part part) {
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(escape(part.name())).append('"');
        if (part.fileName() != null) {
            head.append("; filename=\"").append(escape(part.fileName())).append('"');
        }
        head.append("\r\n");
        head.append("Content-Type: ").append(part.mediaType()).append("\r\n\r\n");
        // RFC 7578 s. 4.2: field and file names are sent as UTF-8, not in RFC 2231 "filename*" form.
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quotes, CR and LF inside a quoted name are percent-encoded, as the HTML form encoding does. */
    static String escape(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String randomBoundary() {
        StringBuilder b = new StringBuilder("ccn-dms-");
        for (int i = 0; i < 32; i++) {
            b.append(BOUNDARY_ALPHABET.charAt(RANDOM.nextInt(BOUNDARY_ALPHABET.length())));
        }
        return b.toString();
    }

    private interface Part {
        String name();

        String fileName();

        String mediaType();

        BodyPublisher content();
    }

    private record BytesPart(String name, String fileName, String mediaType, byte[] bytes) implements Part {
        @Override
        public BodyPublisher content() {
            return BodyPublishers.ofByteArray(bytes);
        }
    }

    private record FilePart(String name, String fileName, String mediaType, Path file) implements Part {
        @Override
        public BodyPublisher content() {
            try {
                return BodyPublishers.ofFile(file);
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException("File to upload is gone: " + file, e);
            }
        }
    }

    /** Collects the parts in the order they will be sent. */
    public static final class Builder {
        private final String boundary;
        private final List<Part> parts = new ArrayList<>();

        private Builder(String boundary) {
            this.boundary = Objects.requireNonNull(boundary, "boundary");
        }

        /** A JSON part ({@code application/json; charset=UTF-8}), such as the {@code metadata} of an upload. */
        public Builder json(String name, JsonStructure json) {
            Objects.requireNonNull(json, "json");
            parts.add(new BytesPart(requireName(name), null, "application/json; charset=UTF-8",
                    json.toString().getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** A plain text field. */
        public Builder text(String name, String value) {
            Objects.requireNonNull(value, "value");
            parts.add(new BytesPart(requireName(name), null, "text/plain; charset=UTF-8",
                    value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** A file part streamed from {@code file}, sent under the file's own name. */
        public Builder file(String name, Path file, String mediaType) {
            return file(name, file, Objects.requireNonNull(file, "file").getFileName().toString(), mediaType);
        }

        /** A file part streamed from {@code file}, sent under {@code fileName}. */
        public Builder file(String name, Path file, String fileName, String mediaType) {
            Objects.requireNonNull(file, "file");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Not a file: " + file);
            }
            parts.add(new FilePart(requireName(name), Objects.requireNonNull(fileName, "fileName"),
                    Objects.requireNonNull(mediaType, "mediaType"), file));
            return this;
        }

        /** A file part from bytes in memory (small test files, including empty ones). */
        public Builder file(String name, String fileName, byte[] content, String mediaType) {
            parts.add(new BytesPart(requireName(name), Objects.requireNonNull(fileName, "fileName"),
                    Objects.requireNonNull(mediaType, "mediaType"), Objects.requireNonNull(content, "content").clone()));
            return this;
        }

        public MultipartBody build() {
            return new MultipartBody(boundary, parts);
        }

        private static String requireName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("A part needs a name");
            }
            return name;
        }
    }
}

package vn.ccn.dms.indexing.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the bytes of a stored file into searchable text, within {@link ExtractionLimits}. */
public interface TextExtractor {

    /**
     * Extracts the text of one file. Never throws for a bad file: a file that cannot be read gives
     * {@link ExtractedText#failed}. Blocks the calling thread for at most about the configured time limit.
     *
     * @param content   the file's bytes; read once, closed by the caller
     * @param size      length in bytes
     * @param mediaType the type detected when the file was received
     * @param fileName  the received name, a hint only
     * @throws IOException when the content store itself fails (the caller retries later)
     */
    ExtractedText extract(InputStream content, long size, String mediaType, String fileName) throws IOException;

    /**
     * Extracts the text of a file kept on the local file system, which is only read. The default opens it as a
     * stream; an extractor that needs random access reads it in place rather than copying it first.
     *
     * @throws IOException when the file cannot be read (the caller retries later)
     */
    default ExtractedText extract(Path file, long size, String mediaType, String fileName) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return extract(in, size, mediaType, fileName);
        }
    }
}

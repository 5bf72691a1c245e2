package vn.ccn.dms.indexing.domain;

import java.io.IOException;
import java.io.InputStream;

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
}

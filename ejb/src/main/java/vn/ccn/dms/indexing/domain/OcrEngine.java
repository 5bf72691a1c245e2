package vn.ccn.dms.indexing.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Optical character recognition of page images, in Vietnamese. */
public interface OcrEngine {

    /** Whether recognition can run here (the engine and its Vietnamese model are installed). */
    boolean available();

    /** A short description for health and logs: engine version and languages, or why it is unavailable. */
    String description();

    /**
     * Recognises the text of one image file.
     *
     * @throws IOException when the engine fails or exceeds {@code timeout}
     */
    String recognize(Path image, Duration timeout) throws IOException;
}

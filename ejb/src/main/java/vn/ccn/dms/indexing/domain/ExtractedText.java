package vn.ccn.dms.indexing.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What extraction made of one file: its text, or the reason it could not be read.
 *
 * @param text      the text, possibly cut at the character limit; empty on failure
 * @param failure   why the file could not be read, in Vietnamese for users; {@code null} when extracted
 * @param truncated whether the character limit cut the text
 * @param ocr       whether the text came from optical character recognition
 * @param ocrPages  pages (or images) recognised
 * @param mediaType the type the extractor detected
 * @param duration  time spent
 */
public record ExtractedText(String text, String failure, boolean truncated, boolean ocr, int ocrPages, String mediaType,
        Duration duration) {

    /** Longest reason kept; the column holds 1000 characters. */
    public static final int MAX_REASON = 1000;

    public ExtractedText {
        text = text == null ? "" : text;
        if (failure != null) {
            failure = failure.length() > MAX_REASON ? failure.substring(0, MAX_REASON - 1) + "…" : failure;
        }
        Objects.requireNonNull(duration, "duration");
    }

    public static ExtractedText failed(String reason, String mediaType, Duration duration) {
        return new ExtractedText("", Objects.requireNonNull(reason, "reason"), false, false, 0, mediaType, duration);
    }

    public boolean extracted() {
        return failure == null;
    }
}

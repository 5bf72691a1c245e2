package vn.ccn.dms.indexing.domain;

import java.util.Objects;

/**
 * The extraction result kept for one blob.
 *
 * @param contentKey the blob
 * @param failure    why it could not be read, or {@code null}
 * @param text       the text (empty on failure)
 * @param truncated  whether the character limit cut it
 * @param ocr        whether it came from OCR
 */
public record StoredText(String contentKey, String failure, String text, boolean truncated, boolean ocr) {

    public StoredText {
        Objects.requireNonNull(contentKey, "contentKey");
        text = text == null ? "" : text;
    }

    public boolean extracted() {
        return failure == null;
    }
}

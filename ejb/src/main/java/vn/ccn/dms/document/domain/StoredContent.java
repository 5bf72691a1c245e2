package vn.ccn.dms.document.domain;

import java.util.Objects;

/** What the store answers after a put: where the bytes are and what they are. */
public record StoredContent(String key, String sha256, long sizeBytes, String mediaType) {

    public StoredContent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be positive");
        }
    }
}

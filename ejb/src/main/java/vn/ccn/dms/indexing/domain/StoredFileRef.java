package vn.ccn.dms.indexing.domain;

import java.util.Objects;

/** A file of the version being indexed: where its bytes are and what they are. */
public record StoredFileRef(long fileId, String fileName, String contentKey, String mediaType, long sizeBytes) {

    public StoredFileRef {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentKey, "contentKey");
    }
}

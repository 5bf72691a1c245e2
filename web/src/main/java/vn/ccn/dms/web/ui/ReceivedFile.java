package vn.ccn.dms.web.ui;

import java.io.Serializable;
import java.util.Objects;
import vn.ccn.dms.document.application.DocumentService.UploadedFile;
import vn.ccn.dms.document.domain.StoredContent;

/**
 * A file the content store already holds for a form that is not yet saved. Kept by the page between submits,
 * so a user who must correct a field or confirm a duplicate does not send the file again.
 */
public record ReceivedFile(String fileName, String key, String sha256, long sizeBytes, String mediaType)
        implements Serializable {

    public ReceivedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(key, "key");
    }

    static ReceivedFile of(UploadedFile f) {
        StoredContent c = f.content();
        return new ReceivedFile(f.fileName(), c.key(), c.sha256(), c.sizeBytes(), c.mediaType());
    }

    UploadedFile toUpload() {
        return new UploadedFile(fileName, new StoredContent(key, sha256, sizeBytes, mediaType));
    }
}

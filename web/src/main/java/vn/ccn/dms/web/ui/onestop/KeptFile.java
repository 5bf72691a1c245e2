package vn.ccn.dms.web.ui.onestop;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.domain.StoredContent;
import vn.ccn.dms.web.ui.Uploads;

/**
 * A file the content store already holds for a form not yet accepted: kept by the page between submits so a user
 * who must correct a field does not send the file again. Files reach the store through
 * {@link DocumentService#receiveFile} outside any transaction, one stream at a time, as the REST API does.
 */
public record KeptFile(String fileName, String key, String sha256, long sizeBytes, String mediaType) implements Serializable {

    public KeptFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(key, "key");
    }

    DocumentService.UploadedFile toUpload() {
        return new DocumentService.UploadedFile(fileName, new StoredContent(key, sha256, sizeBytes, mediaType));
    }

    /** Streams each chosen file to the content store ({@link Uploads}); stops at the first file refused. */
    static List<KeptFile> receive(DocumentService documents, UploadedFiles chosen) {
        return Uploads.receive(documents, chosen).stream()
                .map(f -> new KeptFile(f.fileName(), f.key(), f.sha256(), f.sizeBytes(), f.mediaType())).toList();
    }
}

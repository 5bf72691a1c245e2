package vn.ccn.dms.web.ui.onestop;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.domain.StoredContent;

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

    /** Streams each chosen file to the content store; stops at the first file the service refuses. */
    static List<KeptFile> receive(DocumentService documents, UploadedFiles chosen) {
        List<KeptFile> kept = new ArrayList<>();
        if (chosen == null || chosen.getFiles() == null) {
            return kept;
        }
        for (UploadedFile file : chosen.getFiles()) {
            if (file == null || file.getFileName() == null || file.getFileName().isEmpty()) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                DocumentService.UploadedFile stored = documents.receiveFile(file.getFileName(), in);
                StoredContent c = stored.content();
                kept.add(new KeptFile(stored.fileName(), c.key(), c.sha256(), c.sizeBytes(), c.mediaType()));
            } catch (IOException e) {
                throw new UncheckedIOException("upload of " + file.getFileName() + " could not be read", e);
            } finally {
                try {
                    file.delete();
                } catch (IOException e) {
                    // the container removes its temporary part files at the end of the request anyway
                }
            }
        }
        return kept;
    }
}

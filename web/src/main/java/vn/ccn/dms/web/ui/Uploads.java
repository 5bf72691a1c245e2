package vn.ccn.dms.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.document.application.DocumentService;

/** Hands the files of a form to the content store, one stream at a time, as the REST API does with its parts. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * Streams each chosen file to {@link DocumentService#receiveFile}; the container has spooled large parts to
     * disk, so no file is held whole in memory. Stops at the first file the service refuses.
     */
    public static List<ReceivedFile> receive(DocumentService documents, UploadedFiles chosen) {
        List<ReceivedFile> received = new ArrayList<>();
        if (chosen == null || chosen.getFiles() == null) {
            return received;
        }
        for (UploadedFile file : chosen.getFiles()) {
            if (file == null || file.getFileName() == null || file.getFileName().isEmpty()) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                received.add(ReceivedFile.of(documents.receiveFile(file.getFileName(), in)));
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
        return received;
    }
}

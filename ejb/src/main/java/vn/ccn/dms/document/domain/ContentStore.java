package vn.ccn.dms.document.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Write-once storage of file bytes under a key derived from their SHA-256. The same bytes land once;
 * stored bytes are never modified. The file system is the first adapter; an object store can replace it.
 */
public interface ContentStore {

    /**
     * Streams {@code in} into the store while hashing it, refusing more than {@code maxBytes}.
     *
     * @param nameHint the client's file name, used only to refine a type the content already shows
     *                 (a DOCX is a ZIP by content), never to override it
     */
    StoredContent put(InputStream in, long maxBytes, String nameHint) throws IOException;

    InputStream open(String key) throws IOException;

    /**
     * The stored bytes as a local file, read-only, when the store keeps them in one (the file system does; an object
     * store does not): readers that need random access (PDF, ZIP) then read it in place instead of copying it to a
     * temporary file first. Callers must never write to it.
     */
    default Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    boolean exists(String key);

    void delete(String key) throws IOException;

    /** Visits every stored key with the time it was last written or re-put. */
    void forEach(Consumer<Entry> visitor) throws IOException;

    record Entry(String key, Instant lastWritten) {
    }
}

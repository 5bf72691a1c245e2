package vn.ccn.dms.document.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ccn.dms.document.domain.ContentRejectedException;
import vn.ccn.dms.document.domain.StoredContent;

class FileSystemContentStoreTest {

    @TempDir
    Path root;

    private FileSystemContentStore store() throws IOException {
        return new FileSystemContentStore(root, new MediaTypeDetector(), Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"),
                ZoneOffset.UTC));
    }

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void storesUnderTheSha256AndReadsBackTheSameBytes() throws Exception {
        var store = store();
        StoredContent c = store.put(new ByteArrayInputStream(PDF), 1_000, "a.pdf");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertEquals(sha, c.sha256());
        assertEquals(sha, c.key());
        assertEquals(PDF.length, c.sizeBytes());
        assertEquals("application/pdf", c.mediaType());
        try (InputStream in = store.open(c.key())) {
            assertArrayEquals(PDF, in.readAllBytes());
        }
        assertTrue(Files.exists(root.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha)));
    }

    @Test
    void theSameBytesLandOnce() throws Exception {
        var store = store();
        store.put(new ByteArrayInputStream(PDF), 1_000, "a.pdf");
        store.put(new ByteArrayInputStream(PDF), 1_000, "b.pdf");
        List<String> keys = new ArrayList<>();
        store.forEach(e -> keys.add(e.key()));
        assertEquals(1, keys.size());
        try (var files = Files.list(root.resolve("incoming"))) {
            assertEquals(0, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesEmptyAndOversizedLeavingNothing() throws Exception {
        var store = store();
        var empty = assertThrows(ContentRejectedException.class, () -> store.put(new ByteArrayInputStream(new byte[0]), 10, "x"));
        assertEquals(ContentRejectedException.Reason.EMPTY, empty.reason());
        var large = assertThrows(ContentRejectedException.class, () -> store.put(new ByteArrayInputStream(new byte[11]), 10, "x"));
        assertEquals(ContentRejectedException.Reason.TOO_LARGE, large.reason());
        List<String> keys = new ArrayList<>();
        store.forEach(e -> keys.add(e.key()));
        assertTrue(keys.isEmpty());
        try (var files = Files.list(root.resolve("incoming"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void typeComesFromTheBytesNotTheName() throws Exception {
        var store = store();
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        StoredContent disguised = store.put(new ByteArrayInputStream(exe), 10_000, "quyet-dinh.pdf");
        assertFalse(disguised.mediaType().equals("application/pdf"), disguised.mediaType());
        StoredContent text = store.put(new ByteArrayInputStream("Quyết định thành lập".getBytes(StandardCharsets.UTF_8)),
                10_000, "ghi-chu.pdf");
        assertEquals("text/plain", text.mediaType());
    }

    @Test
    void filesLargerThanWhatIsDetectedInMemoryAreDetectedFromDiskTheSameWay() throws Exception {
        var store = store();
        for (int size : new int[] {256 * 1024, 256 * 1024 + 1, 3 * 1024 * 1024 + 7}) {
            byte[] pdf = Arrays.copyOf(PDF, size);
            Arrays.fill(pdf, PDF.length, size, (byte) ' ');
            StoredContent c = store.put(new java.io.BufferedInputStream(new ByteArrayInputStream(pdf), 1000), 10_000_000, "a.pdf");
            assertEquals("application/pdf", c.mediaType(), "size " + size);
            assertEquals(size, c.sizeBytes());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), c.sha256());
            try (InputStream in = store.open(c.key())) {
                assertArrayEquals(pdf, in.readAllBytes(), "size " + size);
            }
            byte[] exe = Arrays.copyOf(new byte[] {'M', 'Z'}, size);
            StoredContent disguised = store.put(new ByteArrayInputStream(exe), 10_000_000, "quyet-dinh.pdf");
            assertEquals(new MediaTypeDetector().detect(new java.io.BufferedInputStream(new ByteArrayInputStream(exe)), "quyet-dinh.pdf"),
                    disguised.mediaType(), "size " + size);
            assertFalse(disguised.mediaType().equals("application/pdf"), disguised.mediaType());
        }
        try (var files = Files.list(root.resolve("incoming"))) {
            assertEquals(0, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void storedFilesAreReadableByTheServerOnly() throws Exception {
        var store = store();
        StoredContent c = store.put(new ByteArrayInputStream(PDF), 1_000, "a.pdf");
        String sha = c.sha256();
        Path blob = root.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(blob)));
    }

    @Test
    void keysThatAreNotHashesAreRefused() throws Exception {
        var store = store();
        assertThrows(IllegalArgumentException.class, () -> store.open("../../etc/passwd"));
        assertFalse(store.exists("../x"));
    }
}

package vn.ccn.dms.document.infrastructure;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.ccn.dms.document.domain.ContentRejectedException;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.document.domain.StoredContent;

/**
 * Content store on a local or mounted file system. Bytes are streamed to a temporary file in the same
 * file system while being hashed and counted, forced to disk, then moved atomically to
 * {@code <root>/sha256/ab/cd/<hex>}. A crash leaves at most a temporary file or an unreferenced blob;
 * the sweeper removes both after a grace period.
 */
public final class FileSystemContentStore implements ContentStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;
    /**
     * Uploads up to this size are type-detected from memory instead of being read back from disk (the servlet container
     * already holds multipart parts up to 256 KiB in memory). Larger ones are read back from the temporary file.
     */
    private static final int DETECTION_IN_MEMORY = 256 * 1024;
    private static final Set<OpenOption> NEW_FILE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path root;
    private final Path blobs;
    private final Path incoming;
    private final MediaTypeDetector detector;
    private final Clock clock;
    private final boolean privateFiles;

    public FileSystemContentStore(Path root, MediaTypeDetector detector, Clock clock) throws IOException {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
        this.detector = Objects.requireNonNull(detector, "detector");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blobs = Files.createDirectories(this.root.resolve("sha256"));
        this.incoming = Files.createDirectories(this.root.resolve("incoming"));
        this.privateFiles = incoming.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredContent put(InputStream in, long maxBytes, String nameHint) throws IOException {
        Objects.requireNonNull(in, "in");
        Path temp = null;
        FileChannel created = null;
        while (created == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Path candidate = incoming.resolve("upload-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                    + ".part");
            try {
                // O_EXCL: never an existing file or a link planted under that name; readable by the server only.
                created = privateFiles ? FileChannel.open(candidate, NEW_FILE, OWNER_ONLY) : FileChannel.open(candidate, NEW_FILE);
                temp = candidate;
            } catch (FileAlreadyExistsException taken) {
                // another upload drew the same name: draw again
            }
        }
        boolean moved = false;
        try {
            MessageDigest sha = sha256();
            long size = 0;
            // The first bytes stay in memory for type detection; a file that fits whole is not read back from disk.
            Head head = new Head(DETECTION_IN_MEMORY);
            try (FileChannel file = created) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ContentRejectedException(ContentRejectedException.Reason.TOO_LARGE,
                                "Tệp vượt quá giới hạn " + maxBytes + " byte");
                    }
                    sha.update(buffer, 0, n);
                    head.add(buffer, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        file.write(chunk);
                    }
                }
                if (size == 0) {
                    throw new ContentRejectedException(ContentRejectedException.Reason.EMPTY, "Tệp rỗng");
                }
                file.force(true);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            String mediaType;
            try (InputStream bytes = head.whole() ? head.stream() : new BufferedInputStream(Files.newInputStream(temp))) {
                mediaType = detector.detect(bytes, nameHint);
            }
            Path target = pathOf(hex);
            if (!Files.isDirectory(target.getParent())) {
                // Only the first blob of a shard creates it: createDirectories on an existing directory throws and
                // catches FileAlreadyExistsException inside, which was 1.4 % of an upload's request thread.
                Files.createDirectories(target.getParent());
            }
            if (Files.exists(target)) {
                // Same bytes already stored: keep the first copy, refresh its time so the sweeper spares it.
                Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
            } else {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    moved = true;
                } catch (FileAlreadyExistsException raced) {
                    Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("content root must be one file system supporting atomic moves", e);
                }
                forceDirectory(target.getParent());
            }
            return new StoredContent(hex, hex, size, mediaType);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The first bytes of an upload, up to a limit, and whether they are all of it. */
    private static final class Head {
        private final int limit;
        private byte[] bytes = new byte[0];
        private int length;
        private boolean overflow;

        Head(int limit) {
            this.limit = limit;
        }

        void add(byte[] buffer, int n) {
            if (overflow) {
                return;
            }
            if (length + n > limit) {
                overflow = true;
                bytes = null;
                return;
            }
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(length + n, bytes.length * 2)));
            }
            System.arraycopy(buffer, 0, bytes, length, n);
            length += n;
        }

        boolean whole() {
            return !overflow;
        }

        InputStream stream() {
            return new ByteArrayInputStream(bytes, 0, length);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(checkKey(key)));
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.of(pathOf(checkKey(key)));
    }

    @Override
    public boolean exists(String key) {
        return KEY.matcher(key).matches() && Files.exists(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(checkKey(key)));
    }

    @Override
    public void forEach(Consumer<Entry> visitor) throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (KEY.matcher(name).matches()) {
                    try {
                        visitor.accept(new Entry(name, Files.getLastModifiedTime(p).toInstant()));
                    } catch (IOException e) {
                        // vanished while walking: nothing to visit
                    }
                }
            });
        }
    }

    /** Deletes temporary upload files older than the given age (left by a crash mid-upload). */
    public int sweepIncoming(java.time.Duration olderThan) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(clock.instant().minus(olderThan))) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private Path pathOf(String hex) {
        return blobs.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a content key: " + key);
        }
        return key;
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename durable on Linux; not supported everywhere, and then the OS decides.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

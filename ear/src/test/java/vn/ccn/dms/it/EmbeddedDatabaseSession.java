package vn.ccn.dms.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import vn.ccn.dms.devstack.DevDatabase;

/**
 * Starts one real PostgreSQL (fsync on: durability is under test) for the whole test session, before
 * Arquillian starts Payara, on the port the build reserved ({@code DMS_DB_PORT}); Payara reaches it through
 * {@code DMS_DB_URL}. Each session starts from an empty cluster.
 */
public class EmbeddedDatabaseSession implements LauncherSessionListener {

    private static DevDatabase database;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String port = System.getenv("DMS_DB_PORT");
        if (port == null || database != null) {
            return;
        }
        Path dataDir = Path.of(System.getenv("DMS_PG_DATA"));
        DevDatabase.stopLeftRunning(dataDir);
        deleteRecursively(dataDir);
        database = DevDatabase.start(dataDir, Integer.parseInt(port));
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

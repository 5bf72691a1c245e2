package vn.ccn.dms.it.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real Elasticsearch node for the whole test session, before Arquillian starts Payara, on the port
 * the build reserved ({@code DMS_SEARCH_PORT}); Payara reaches it through {@code DMS_SEARCH_URLS}. Each session
 * starts from an empty node. {@link #node()} lets the outage test stop and restart it.
 */
public class EmbeddedSearchSession implements LauncherSessionListener {

    private static ElasticsearchProcess node;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String port = System.getenv("DMS_SEARCH_PORT");
        if (port == null || node != null) {
            return;
        }
        Path home = Path.of(System.getenv("DMS_SEARCH_HOME"));
        deleteRecursively(home);
        node = new ElasticsearchProcess(home, Integer.parseInt(port));
        node.start();
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (node != null) {
            node.stop();
            node = null;
        }
    }

    /** The session's node. */
    public static synchronized ElasticsearchProcess node() {
        if (node == null) {
            throw new IllegalStateException("no Elasticsearch node in this session (DMS_SEARCH_PORT not set)");
        }
        return node;
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

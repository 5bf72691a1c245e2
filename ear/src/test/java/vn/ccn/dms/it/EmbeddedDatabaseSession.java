package vn.ccn.dms.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL for the whole test session, before Arquillian starts Payara, on the port the
 * build reserved ({@code DMS_DB_PORT}); Payara reaches it through {@code DMS_DB_URL}.
 */
public class EmbeddedDatabaseSession implements LauncherSessionListener {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String port = System.getenv("DMS_DB_PORT");
        if (port == null || postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(Integer.parseInt(port))
                    .setDataDirectory(Path.of(System.getenv("DMS_PG_DATA")))
                    .setCleanDataDirectory(true)
                    // durability is under test (crash recovery): keep PostgreSQL's defaults, not zonky's
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending; the data folder is thrown away with target/
            }
            postgres = null;
        }
    }

    static String jdbcUrl() {
        return System.getenv("DMS_DB_URL");
    }
}

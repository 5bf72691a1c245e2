package vn.ccn.dms.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the run command and the integration tests, started from the binaries that
 * zonky ships in jars: nothing to install. The cluster lives in a folder of the caller's choice and is kept
 * between runs, so stopping and starting again keeps the data.
 *
 * <p>zonky starts PostgreSQL with {@code fsync} and {@code synchronous_commit} off, which is fast and loses
 * acknowledged commits on a crash. Both are turned back on here: the run command should behave like
 * production, and the crash tests (kill -9 during uploads) are about exactly those commits.
 *
 * <p>Authentication is {@code trust} on the loopback interface (zonky's initdb), so the password is only
 * there for clients that insist on one. Never point this at data that matters.
 */
public final class DevDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private boolean closed;

    private DevDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on the cluster in {@code dataDir}, creating the cluster when the folder has none.
     * The server's own output goes to {@code <dataDir>.log} beside the folder (initdb wants the folder empty).
     * A JVM shutdown hook stops the server if {@link #close()} was never called.
     *
     * @param dataDir folder of the cluster; created when missing, reused when it holds a cluster
     * @param port    TCP port on localhost, or 0 for a free one chosen now
     * @throws IllegalStateException when the cluster is still served by a PostgreSQL left running (see
     *                               {@link #stopLeftRunning(Path)}) or the server does not start
     */
    public static DevDatabase start(Path dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Optional<ProcessHandle> leftOver = postmasterOf(dir);
        if (leftOver.isPresent()) {
            throw new IllegalStateException("A PostgreSQL server (pid " + leftOver.get().pid() + ") is still running on "
                    + dir + ", probably left by an earlier run that was killed. Stop it first (DevDatabase.stopLeftRunning"
                    + " or the run command's stop action).");
        }
        try {
            Files.createDirectories(dir);
            Path log = dir.resolveSibling(dir.getFileName() + ".log");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // zonky passes -F (fsync off) and synchronous_commit=off; a later -c wins over -F.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300")
                    // Statement statistics for whoever measures (the foundation benchmark reports statements per
                    // number from it); the view exists once someone runs "create extension pg_stat_statements".
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()));
            if (port != 0) {
                builder.setPort(port);
            }
            return new DevDatabase(builder.start(), dir);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a PostgreSQL server that still serves the cluster in {@code dataDir} although the JVM that started
     * it is gone (for example after kill -9 of the run command). It is found by the pid in
     * {@code postmaster.pid} and asked to shut down (SIGTERM, PostgreSQL's "smart" shutdown); only if it has not
     * stopped after a minute is it killed.
     *
     * @return whether a server was running and has been stopped
     */
    public static boolean stopLeftRunning(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Optional<ProcessHandle> postmaster = postmasterOf(dataDir.toAbsolutePath().normalize());
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle process = postmaster.get();
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        return true;
    }

    /** The postmaster serving {@code dir}, read from the first line of {@code postmaster.pid}, if it is alive. */
    static Optional<ProcessHandle> postmasterOf(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            // A stale file may name a pid that now belongs to another program: only a postgres process counts.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty(); // removed or half written by a server that is stopping or starting
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        }
    }

    /** JDBC URL of the {@code postgres} database, for example {@code jdbc:postgresql://localhost:5432/postgres}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server ("fast" shutdown: open transactions roll back, committed data stays). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on " + dataDir + " did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "DevDatabase[" + jdbcUrl() + ", " + dataDir + "]";
    }
}

package vn.ccn.dms.devstack;

import vn.ccn.dms.devstack.api.ApiClient;
import vn.ccn.dms.devstack.api.ApiResponse;
import vn.ccn.dms.devstack.demo.DemoData;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run command: starts PostgreSQL (embedded, or the one named by {@code DMS_DB_URL}) and Elasticsearch
 * (embedded, in a small JVM of its own, or the cluster named by {@code DMS_SEARCH_URLS}), starts Payara, deploys
 * the EAR, waits until it is ready, loads the demo data through the API, prints the URL and the logins, and
 * stays in the foreground until Ctrl-C, which stops what it started. {@code --action=stop} stops a stack that
 * was left running (started from the same data folder and Payara).
 *
 * <pre>
 * DevStack --action=run|stop --ear=ear/target/ccn-dms.ear --payara-home=ear/target/run/payara6
 *          --data=ear/target/run/data
 * </pre>
 *
 * <p>The data folder holds the database cluster ({@code pgdata}), the content store ({@code content}), logs,
 * the generated passwords ({@code credentials.properties}) and the printed logins ({@code demo-logins.txt}).
 */
public final class DevStack implements AutoCloseable {

    static final String APP_NAME = "ccn-dms";
    static final String STOP_COMMAND = "./mvnw -Prun -DskipTests -Drun.action=stop verify";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Request line plus headers the HTTP listener reads, as docs/operations.md recommends for production: a search
     * page URL with the query box full (1,000 characters, up to 9 bytes each once percent-encoded) exceeds Payara's
     * 8 KiB default, and so does a 10,000-character query sent to the API, which then gets the application's problem.
     */
    static final int MAX_REQUEST_HEADER_BYTES = 65_536;
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    /** Held so that the levels set here are not lost when java.util.logging drops unreferenced loggers. */
    private static final Logger[] QUIETED = {Logger.getLogger("io.zonky"), Logger.getLogger("org.apache.pdfbox"),
            Logger.getLogger("org.apache.fontbox")};

    private final Options options;
    private final RunnerPidFile pidFile;
    private final Thread shutdownHook = new Thread(this::close, "devstack-shutdown");
    private volatile boolean closing;
    private boolean closed;
    private DevDatabase database;
    private DevSearch search;
    private PayaraDomain payara;
    private vn.ccn.dms.devstack.demo.DemoSigning signing;

    private DevStack(Options options) {
        this.options = options;
        this.pidFile = new RunnerPidFile(options.data().resolve("devstack.pid"));
    }

    public static void main(String[] args) {
        for (Logger logger : QUIETED) {
            logger.setLevel(Level.WARNING);
        }
        Options options = Options.parse(args);
        if (options.action().equals("stop")) {
            stopLeftRunning(options, true);
            return;
        }
        try (DevStack stack = new DevStack(options)) {
            stack.run();
        }
    }

    private void run() {
        Path data = options.data();
        try {
            Files.createDirectories(data.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + data, e);
        }
        pidFile.alive().ifPresent(p -> {
            throw new IllegalStateException("A stack started from " + data + " is already running (pid " + p.pid()
                    + "). Use it, or stop it with Ctrl-C in its terminal or with: " + STOP_COMMAND);
        });
        stopLeftRunning(options, false);
        if (!Files.isRegularFile(options.ear())) {
            throw new IllegalStateException("No EAR at " + options.ear() + "; build it first (./mvnw -Prun -DskipTests verify"
                    + " builds and runs).");
        }
        new PayaraDomain(options.payaraHome(), Map.of()).requirePortsFree();
        Credentials credentials = Credentials.loadOrCreate(data.resolve("credentials.properties"));
        pidFile.writeCurrent();
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        Map<String, String> env = new HashMap<>();
        String dbUrl = System.getenv("DMS_DB_URL");
        if (dbUrl != null && !dbUrl.isBlank()) {
            say("Using the PostgreSQL database of DMS_DB_URL: " + dbUrl);
            env.put("DMS_DB_URL", dbUrl);
            env.put("DMS_DB_USER", Objects.requireNonNullElse(System.getenv("DMS_DB_USER"), ""));
            env.put("DMS_DB_PASSWORD", Objects.requireNonNullElse(System.getenv("DMS_DB_PASSWORD"), ""));
        } else {
            say("Starting PostgreSQL (embedded, data in " + data.resolve("pgdata") + ") ...");
            database = DevDatabase.start(data.resolve("pgdata"), 0);
            say("PostgreSQL is up: " + database.jdbcUrl() + " (user " + database.user() + ")");
            env.put("DMS_DB_URL", database.jdbcUrl());
            env.put("DMS_DB_USER", database.user());
            env.put("DMS_DB_PASSWORD", database.password());
        }
        String searchUrls = System.getenv("DMS_SEARCH_URLS");
        if (searchUrls != null && !searchUrls.isBlank()) {
            say("Using the Elasticsearch cluster of DMS_SEARCH_URLS: " + searchUrls);
            env.put("DMS_SEARCH_URLS", searchUrls);
        } else {
            say("Starting Elasticsearch (embedded, data in " + data.resolve("elasticsearch") + ") ...");
            search = DevSearch.start(data.resolve("elasticsearch"), 0);
            say("Elasticsearch is up: " + search.httpUrl() + " (pid " + search.pid() + ")");
            env.put("DMS_SEARCH_URLS", search.httpUrl());
        }
        // Issue 4: a throw-away PKI (TSA, OCSP, CRLs) served from this JVM and PKCS#12 keys whose PIN is the demo password.
        signing = vn.ccn.dms.devstack.demo.DemoSigning.start(data.resolve("signing"), credentials.demoPassword());
        env.putAll(signing.environment());
        env.put("DMS_CONTENT_ROOT", data.resolve("content").toString());
        env.put("DMS_BOOTSTRAP_ADMIN_PASSWORD", credentials.adminPassword());
        env.put("AS_JAVA", System.getProperty("java.home"));

        payara = new PayaraDomain(options.payaraHome(), env, data.resolve("logs/asadmin.log"));
        payara.setMaxRequestHeaderBytes(MAX_REQUEST_HEADER_BYTES);
        say("Starting Payara Server on " + System.getProperty("java.home") + " (log: " + payara.serverLog() + ") ...");
        long started = System.nanoTime();
        payara.start();
        if (payara.isDeployed(APP_NAME)) {
            // Payara reloads the last deployment on start; undeploy it so the new EAR is never raced by the old one.
            payara.undeploy(APP_NAME);
        }
        say("Deploying " + options.ear() + " ...");
        try {
            payara.deploy(options.ear(), APP_NAME);
        } catch (IllegalStateException e) {
            // Payara 6 now and then refuses a deployment into the JVM that has just unloaded the previous one
            // (seen on a re-run: WELD-000163, "non-unique bean deployment identifier"). A server JVM that never
            // loaded the application takes it, so: remove what is left, restart, deploy once more.
            say("Deployment failed (" + e.getMessage().lines().findFirst().orElse("") + "); restarting Payara Server"
                    + " and deploying once more ...");
            if (payara.isDeployed(APP_NAME)) {
                payara.undeploy(APP_NAME);
            }
            payara.stop();
            payara.start();
            payara.deploy(options.ear(), APP_NAME);
        }
        URI appBase = URI.create("http://localhost:" + payara.httpPort() + "/");
        payara.waitUntilReady(appBase, READY_TIMEOUT);
        say("Ready after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s. Loading demo data ...");

        ApiClient admin = new ApiClient(appBase.resolve("api/v1/"), "admin", credentials.adminPassword());
        requireAdminLogin(admin);
        long loading = System.nanoTime();
        DemoData.Result demo = DemoData.load(admin, credentials.demoPassword());
        demo.tallies().forEach(t -> say("  " + t));
        try {
            signing.configure(admin, credentials.demoPassword()).forEach(t -> say("  " + t));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure demo signing", e);
        }
        say("Demo data checked in " + Duration.ofNanos(System.nanoTime() - loading).toMillis() + " ms.");
        String banner = banner(appBase, credentials, demo);
        writeLogins(data.resolve("demo-logins.txt"), banner);
        OUT.println(banner);
        watch();
    }

    /** Blocks while Payara runs; returns when the stack is being stopped, fails if Payara died by itself. */
    private void watch() {
        while (true) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (closing) {
                return;
            }
            if (!payara.isRunning()) {
                if (closing) {
                    return;
                }
                throw new IllegalStateException("Payara stopped by itself; see " + payara.serverLog());
            }
        }
    }

    private static void requireAdminLogin(ApiClient admin) {
        ApiResponse me = admin.get("me");
        if (me.status() == 401) {
            throw new IllegalStateException("The server refuses admin with the password in credentials.properties."
                    + " The database already had an admin with another password (a database kept from an older data"
                    + " folder, or DMS_DB_URL pointing at an existing one). Set DMS_BOOTSTRAP_ADMIN_PASSWORD to the"
                    + " real admin password, or run 'mvn clean' to start from empty data.");
        }
        me.expect(200);
    }

    /** Stops Payara, then PostgreSQL. Called on Ctrl-C (shutdown hook) and when the run fails. Idempotent. */
    @Override
    public synchronized void close() {
        closing = true;
        if (closed) {
            return;
        }
        closed = true;
        // The shutdown hook stays registered even when the run itself calls close(): if the JVM is asked to exit
        // meanwhile, the hook waits on this lock, which keeps the JVM alive until everything here has stopped.
        boolean started = payara != null || database != null || search != null;
        if (started) {
            say("Stopping ...");
        }
        // Each step on its own: whatever fails, the next process still gets stopped, and close() never throws.
        if (payara != null) {
            try {
                payara.stop();
            } catch (RuntimeException e) {
                say("Payara did not stop cleanly (" + e.getMessage() + "); killing it.");
                try {
                    payara.killHard();
                } catch (RuntimeException e2) {
                    say("Could not kill Payara: " + e2.getMessage());
                }
            }
        }
        if (signing != null) {
            signing.close();
        }
        if (search != null) {
            try {
                search.close();
            } catch (RuntimeException e) {
                say("Elasticsearch did not stop cleanly (" + e.getMessage() + ").");
            }
        }
        if (database != null) {
            try {
                database.close();
            } catch (RuntimeException e) {
                say("PostgreSQL did not stop cleanly (" + e.getMessage() + ").");
                try {
                    DevDatabase.stopLeftRunning(database.dataDir());
                } catch (RuntimeException e2) {
                    say("Could not stop PostgreSQL: " + e2.getMessage());
                }
            }
        }
        pidFile.deleteIfOurs();
        if (started) {
            say("Stopped Payara" + (search != null ? ", Elasticsearch" : "") + (database != null ? " and PostgreSQL." : "."));
        }
    }

    /**
     * The stop action, also run quietly before a start: stops a running stack started from the same data folder
     * (its JVM stops Payara and PostgreSQL in its shutdown hook), then whatever it left behind.
     */
    static void stopLeftRunning(Options options, boolean verbose) {
        boolean stoppedAny = false;
        RunnerPidFile pidFile = new RunnerPidFile(options.data().resolve("devstack.pid"));
        Optional<ProcessHandle> runner = pidFile.alive();
        if (runner.isPresent()) {
            say("Stopping the running stack (pid " + runner.get().pid() + ") ...");
            runner.get().destroy();
            try {
                runner.get().onExit().get(Duration.ofMinutes(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                say("It did not stop within 2 minutes; stopping what it started directly.");
            }
            stoppedAny = true;
        }
        PayaraDomain payara = new PayaraDomain(options.payaraHome(), Map.of(),
                options.data().resolve("logs/asadmin.log"));
        if (Files.isDirectory(options.payaraHome()) && payara.isRunning()) {
            say("Stopping Payara left running in " + options.payaraHome() + " ...");
            payara.stop();
            stoppedAny = true;
        }
        Path pgdata = options.data().resolve("pgdata");
        if (DevDatabase.stopLeftRunning(pgdata)) {
            say("Stopped PostgreSQL left running on " + pgdata + ".");
            stoppedAny = true;
        }
        pidFile.deleteIfStale();
        if (verbose) {
            say(stoppedAny ? "Stopped." : "Nothing was running.");
        }
    }

    private static String banner(URI appBase, Credentials credentials, DemoData.Result demo) {
        StringBuilder b = new StringBuilder();
        String rule = "=".repeat(100);
        b.append(rule).append('\n');
        b.append(" CCN document system is running at ").append(appBase).append('\n');
        b.append(" REST API: ").append(appBase).append("api/v1/   OpenAPI: ").append(appBase).append("openapi\n\n");
        b.append(" Administrator: admin / ").append(credentials.adminPassword()).append('\n');
        b.append(" Demo users, all with the password ").append(credentials.demoPassword()).append(" :\n");
        b.append(String.format("   %-20s %-22s %-11s %-44s %s%n", "Login", "Name", "Roles", "Agency", "Position"));
        for (DemoData.DemoLogin login : demo.logins()) {
            b.append(String.format("   %-20s %-22s %-11s %-44s %s%n", login.username(), login.fullName(),
                    String.join(",", login.roles()), login.agencyName(), login.positionTitle()));
        }
        if (!demo.issued().isEmpty()) {
            b.append("\n Outgoing demo documents numbered:\n");
            demo.issued().forEach(i -> b.append("   ").append(i).append('\n'));
        }
        b.append("\n Digital signing (demo keys; the PIN is the demo password ").append(credentials.demoPassword()).append("):\n")
                .append("   lanhdao.sct signs at ").append(appBase).append("app/sign/inbox.xhtml (one plan is waiting);\n")
                .append("   vanthu.sct then numbers it and applies the Department's signature and seal on the document page.\n");
        b.append("\n Stop: Ctrl-C here, or from another terminal: ").append(STOP_COMMAND).append('\n');
        b.append(" Reset all data: ./mvnw clean (the data folder is ear/target/run/data)\n");
        b.append(rule);
        return b.toString();
    }

    private static void writeLogins(Path file, String banner) {
        try {
            Credentials.writePrivate(file, banner + System.lineSeparator());
        } catch (IOException e) {
            say("Could not write " + file + ": " + e.getMessage());
        }
    }

    static void say(String line) {
        OUT.println("[devstack] " + line);
    }

    /** Command-line options; every path is made absolute. */
    record Options(String action, Path ear, Path payaraHome, Path data) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected --name=value");
                }
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            String action = values.getOrDefault("action", "run").trim();
            if (!action.equals("run") && !action.equals("stop")) {
                throw new IllegalArgumentException("--action must be run or stop, was '" + action + "'");
            }
            return new Options(action, path(values, "ear"), path(values, "payara-home"), path(values, "data"));
        }

        private static Path path(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Missing --" + name + "=...");
            }
            return Path.of(value).toAbsolutePath().normalize();
        }
    }

    /**
     * The pid of the JVM running a stack, with its start time so that a pid reused by another process after a
     * crash is not mistaken for it.
     */
    static final class RunnerPidFile {
        private final Path file;

        RunnerPidFile(Path file) {
            this.file = file;
        }

        Optional<ProcessHandle> alive() {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
                long pid = Long.parseLong(parts[0]);
                Optional<Instant> recordedStart = parts.length > 1 ? Optional.of(Instant.parse(parts[1]))
                        : Optional.empty();
                return ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.pid() != ProcessHandle.current().pid())
                        .filter(p -> recordedStart.isEmpty() || p.info().startInstant().map(recordedStart.get()::equals)
                                .orElse(true));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        void writeCurrent() {
            ProcessHandle self = ProcessHandle.current();
            String start = self.info().startInstant().map(Instant::toString).orElse("");
            try {
                Files.writeString(file, self.pid() + " " + start + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }

        void deleteIfStale() {
            try {
                if (alive().isEmpty()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // A leftover pid file names a dead process, which alive() ignores.
            }
        }

        void deleteIfOurs() {
            try {
                if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.US_ASCII).trim()
                        .startsWith(ProcessHandle.current().pid() + " ")) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                // A leftover pid file names a dead process, which alive() ignores.
            }
        }
    }
}

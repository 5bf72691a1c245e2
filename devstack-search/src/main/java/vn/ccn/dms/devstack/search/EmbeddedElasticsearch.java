package vn.ccn.dms.devstack.search;

import org.elasticsearch.action.admin.cluster.health.ClusterHealthRequest;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.cluster.health.ClusterHealthStatus;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real single-node Elasticsearch, started from the Maven Central jars inside this JVM, for the run and
 * test commands. Production never uses it: the application points at a cluster by URL.
 *
 * <p>It binds HTTP to 127.0.0.1 only (loopback keeps the node in development mode, so no bootstrap
 * checks), forms a single-node cluster, and switches the disk watermarks off so that a nearly full
 * build disk never turns the indexes read-only. It carries the HTTP transport and our own
 * {@code asciifolding} filter and {@code GET /} answer; the modules of a distribution (painless,
 * reindex, ingest pipelines, ICU) are absent, and the application does not rely on them.
 *
 * <p>Elasticsearch keeps JVM-wide state (logging, node lock), so at most one node runs per JVM. On a
 * 2-core machine run the hosting JVM with {@code -XX:TieredStopAtLevel=1}: measured here, the node started
 * in 2.7 s instead of 6-10 s and bulk indexing ran about three times faster than with C2 compiling.
 *
 * <pre>{@code
 * try (EmbeddedElasticsearch es = EmbeddedElasticsearch.start(tempDir, 0)) {
 *     String url = es.httpUrl();   // http://127.0.0.1:<random port>
 * }
 * }</pre>
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    /** Plugins of the embedded node: HTTP, our analysis filter, the root endpoint. */
    static final List<Class<? extends Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, FoldingAnalysisPlugin.class, RootInfoPlugin.class);

    private static final AtomicBoolean ONE_PER_JVM = new AtomicBoolean();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static boolean loggingConfigured;

    private final Node node;
    private final int httpPort;
    private final Duration startupTime;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedElasticsearch(Node node, int httpPort, Duration startupTime) {
        this.node = node;
        this.httpPort = httpPort;
        this.startupTime = startupTime;
    }

    /**
     * Starts a node with its home, data and logs under {@code home} and waits until its cluster is at
     * least yellow (with one node and no replicas that means every primary is assigned).
     *
     * @param home     the node's folder; created if missing, data in it survives a restart
     * @param httpPort the HTTP port on 127.0.0.1, or 0 for a free port chosen by the system
     * @throws IllegalStateException when a node already runs in this JVM or the node does not come up
     */
    public static EmbeddedElasticsearch start(Path home, int httpPort) {
        Objects.requireNonNull(home, "home");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 0..65535, was " + httpPort);
        }
        if (!ONE_PER_JVM.compareAndSet(false, true)) {
            throw new IllegalStateException("an embedded Elasticsearch node already runs in this JVM");
        }
        long started = System.nanoTime();
        Node node = null;
        try {
            Path absoluteHome = home.toAbsolutePath().normalize();
            Path config = Files.createDirectories(absoluteHome.resolve("config"));
            Path data = Files.createDirectories(absoluteHome.resolve("data"));
            Path logs = Files.createDirectories(absoluteHome.resolve("logs"));
            Files.createDirectories(absoluteHome.resolve("plugins"));
            // Some components read the home from this property rather than from the settings.
            System.setProperty("es.path.home", absoluteHome.toString());

            Settings settings = Settings.builder()
                    .put("path.home", absoluteHome.toString())
                    .put("path.data", data.toString())
                    .put("path.logs", logs.toString())
                    .put("node.name", "dms-embedded")
                    .put("cluster.name", "dms-embedded")
                    .put("discovery.type", "single-node")
                    .put("network.host", "127.0.0.1")
                    .put("http.port", Integer.toString(httpPort))
                    .put("transport.port", "0")
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    // A development machine has a couple of cores shared with the build.
                    .put("node.processors", Math.min(2, Runtime.getRuntime().availableProcessors()))
                    .build();

            configureLoggingOnce();
            node = new ClasspathPluginsNode(new Environment(settings, config), PLUGINS);
            node.start();
            awaitYellow(node);
            int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
            return new EmbeddedElasticsearch(node, port, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            closeQuietly(node);
            ONE_PER_JVM.set(false);
            throw new UncheckedIOException("cannot prepare the Elasticsearch home " + home, e);
        } catch (NodeValidationException | RuntimeException e) {
            closeQuietly(node);
            ONE_PER_JVM.set(false);
            throw new IllegalStateException("the embedded Elasticsearch node did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Elasticsearch's logging facade has no provider until its launcher installs one; without a
     * log4j2.properties we log warnings and errors to the console.
     */
    private static synchronized void configureLoggingOnce() {
        if (!loggingConfigured) {
            LogConfigurator.configureWithoutConfig(Settings.builder().put("logger.level", "WARN").build());
            loggingConfigured = true;
        }
    }

    private static void awaitYellow(Node node) {
        ClusterHealthRequest request = new ClusterHealthRequest(TimeValue.timeValueSeconds(READY_TIMEOUT.toSeconds()))
                .waitForYellowStatus()
                .timeout(TimeValue.timeValueSeconds(READY_TIMEOUT.toSeconds()));
        ClusterHealthResponse health = node.client().admin().cluster().health(request).actionGet();
        if (health.isTimedOut() || health.getStatus() == ClusterHealthStatus.RED) {
            throw new IllegalStateException("cluster not ready after " + READY_TIMEOUT + ": " + health.getStatus());
        }
    }

    /** Base URL of the HTTP API, {@code http://127.0.0.1:<port>}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Time from {@link #start} until the cluster was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the node and releases its data folder; idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                System.err.println("embedded Elasticsearch did not close within 30 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the embedded Elasticsearch node failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ONE_PER_JVM.set(false);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(Node node) {
        if (node == null) {
            return;
        }
        try {
            node.close();
        } catch (IOException | RuntimeException suppressed) {
            // the start failure is what the caller needs to see
        }
    }

    /**
     * Runs a node in its own JVM until SIGTERM or until standard input closes (so a parent process that
     * dies takes the node with it). Prints {@code ELASTICSEARCH_URL=http://127.0.0.1:PORT} once ready.
     *
     * <p>Arguments: {@code [--home=PATH] [--port=N] [--ignore-stdin]}; defaults
     * {@code target/elasticsearch}, 9200, and watching standard input. Pass {@code --ignore-stdin} when
     * standard input is not a pipe the parent keeps open (for example {@code </dev/null}). Run it with a
     * small heap: {@code -Xms256m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}.
     */
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of("target", "elasticsearch");
        int port = 9200;
        boolean watchStdin = true;
        for (String arg : args) {
            if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length()));
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.equals("--ignore-stdin")) {
                watchStdin = false;
            } else {
                System.err.println("usage: EmbeddedElasticsearch [--home=PATH] [--port=N] [--ignore-stdin]");
                System.exit(2);
            }
        }
        EmbeddedElasticsearch es = start(home, port);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            es.stop();
            done.countDown();
        }, "embedded-elasticsearch-shutdown"));
        System.out.println("ELASTICSEARCH_URL=" + es.httpUrl());
        System.out.println("started in " + es.startupTime().toMillis() + " ms");
        System.out.flush();
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // wait for end of input
                    }
                } catch (IOException e) {
                    // a broken pipe also means the parent is gone
                }
                System.exit(0); // runs the shutdown hook, which stops the node
            }, "embedded-elasticsearch-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        done.await();
    }
}

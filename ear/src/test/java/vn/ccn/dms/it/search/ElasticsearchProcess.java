package vn.ccn.dms.it.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import vn.ccn.dms.devstack.search.EmbeddedElasticsearch;

/**
 * A real Elasticsearch node ({@link EmbeddedElasticsearch#main}) in a JVM of its own, so that a test can stop it
 * like an outage (connection refused) and start it again on the same port and data. The child watches its
 * standard input: if this JVM dies, the node goes with it.
 */
public final class ElasticsearchProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final int port;
    private Process process;

    public ElasticsearchProcess(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /**
     * JVM options of the node. {@code test} (the default) starts fast for a short test session: the serial collector
     * and the C1 compiler only (EmbeddedElasticsearch's measurements). {@code production} is what a benchmark of
     * the cluster's latency needs: the G1 collector with the settings of Elasticsearch's bundled
     * {@code jvm.options}, and the full JIT; measured on a standalone node with 100,000 entries, the C1-only node's
     * own p95 was 1.5 times as long (docs/benchmarks-search.md, session 12).
     */
    static List<String> jvmOptions(String profile) {
        return switch (profile) {
            case "test" -> List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
            case "production" -> List.of("-XX:+UseG1GC", "-XX:G1ReservePercent=25", "-XX:InitiatingHeapOccupancyPercent=30");
            default -> throw new IllegalArgumentException("it.search.jvm must be test or production, not " + profile);
        };
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(home);
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // A small heap for the test session; the benchmark run gives it more (-Dit.search.heap=1g).
            String heap = System.getProperty("it.search.heap", "320m");
            List<String> command = new ArrayList<>(List.of(javaCommand, "-Xms" + heap, "-Xmx" + heap));
            command.addAll(jvmOptions(System.getProperty("it.search.jvm", "test")));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedElasticsearch.class.getName(),
                    "--home=" + home, "--port=" + port));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> url = new CompletableFuture<>();
            Process p = process;
            Path log = home.resolve("process.log");
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.write(line);
                        out.newLine();
                        out.flush();
                        if (line.startsWith("ELASTICSEARCH_URL=")) {
                            url.complete(line.substring("ELASTICSEARCH_URL=".length()));
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                url.completeExceptionally(new IllegalStateException("Elasticsearch exited; see " + log));
            }, "elasticsearch-output");
            pump.setDaemon(true);
            pump.start();
            String started = url.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            System.out.println("Elasticsearch for the integration tests at " + started + " (pid " + p.pid() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Elasticsearch did not start within " + START_TIMEOUT + ": " + e.getMessage(), e);
        }
    }

    /** Stops the node (SIGTERM: the node closes its indexes cleanly) and waits until the process is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}

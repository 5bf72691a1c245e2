package vn.ccn.dms.devstack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
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
 * Elasticsearch for the run command: {@link EmbeddedElasticsearch} in a small JVM of its own (256 MB heap, C1
 * only, as measured in {@code runtime-stack.md}), not inside Maven's, so that its threads, heap and
 * class path stay apart from the build. The child watches its standard input and stops when this JVM ends.
 */
public final class DevSearch implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final String url;

    private DevSearch(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param home data, logs and the process log ({@code process.log}) go here; data survives restarts
     * @param port HTTP port on 127.0.0.1, 0 for a free one
     */
    public static DevSearch start(Path home, int port) {
        try {
            Files.createDirectories(home);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classPath(), EmbeddedElasticsearch.class.getName(), "--home=" + home, "--port=" + port);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> url = new CompletableFuture<>();
            Path log = home.resolve("process.log");
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND)) {
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
            }, "devstack-elasticsearch-output");
            pump.setDaemon(true);
            pump.start();
            try {
                return new DevSearch(process, url.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("Elasticsearch did not start within " + START_TIMEOUT + "; see " + log, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch in " + home, e);
        }
    }

    /** The class path this code was loaded from (exec:java loads the project in a class loader of its own). */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        ClassLoader loader = DevSearch.class.getClassLoader();
        while (loader != null) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: not needed by the node
                    }
                }
            }
            loader = loader.getParent();
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    public String httpUrl() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the node (SIGTERM: it closes its indexes cleanly), waiting up to a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

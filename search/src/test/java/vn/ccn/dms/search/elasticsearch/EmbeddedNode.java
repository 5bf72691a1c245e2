package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import vn.ccn.dms.devstack.search.EmbeddedElasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real embedded Elasticsearch node for the whole test JVM (a node per class would cost a start each),
 * stopped and deleted when JUnit closes its root store. Test classes isolate themselves by index prefix.
 */
final class EmbeddedNode implements ExtensionContext.Store.CloseableResource {

    private final EmbeddedElasticsearch node;
    private final Path home;

    private EmbeddedNode(EmbeddedElasticsearch node, Path home) {
        this.node = node;
        this.home = home;
    }

    /** The shared node, started on first use. */
    static EmbeddedElasticsearch get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(EmbeddedNode.class, key -> start(), EmbeddedNode.class).node;
    }

    private static EmbeddedNode start() {
        try {
            Path home = Files.createTempDirectory("dms-es-test");
            EmbeddedElasticsearch node = EmbeddedElasticsearch.start(home, 0);
            System.out.printf("embedded Elasticsearch at %s, started in %d ms%n", node.httpUrl(), node.startupTime().toMillis());
            return new EmbeddedNode(node, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        node.stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

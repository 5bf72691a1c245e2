package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.search.IndexHealth;
import vn.ccn.dms.search.IndexedDocument;
import vn.ccn.dms.search.SearchPage;
import vn.ccn.dms.search.SearchQuery;
import vn.ccn.dms.search.SearchSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.AGENCY_A;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.aDecision;

/** Rebuild: a fresh index filled beside the live one, then an atomic alias switch, with searches running throughout. */
@ExtendWith(ElasticsearchNodeExtension.class)
class IndexRebuildIT {

    private static ElasticsearchDocumentIndex index;
    private static String url;

    @BeforeAll
    static void connect(TestCluster node) {
        node.reset("it-rebuild");
        url = node.url();
        index = new ElasticsearchDocumentIndex(SearchSettings.forUrl(url, "it-rebuild"), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<IndexedDocument> generation(String word, int count) {
        return IntStream.range(0, count).mapToObj(i -> aDecision("doc-" + i)
                .summary("Quyết định số " + i + " về cụm công nghiệp " + word).build()).toList();
    }

    @Test
    void searchesKeepWorkingWhileTheAliasMovesToTheRebuiltIndex() throws Exception {
        String first = index.ensureIndex();
        assertTrue(index.bulkIndex(generation("Phú", 300)).allIndexed());
        index.refresh();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Thread searcher = new Thread(() -> {
            while (running.get()) {
                try {
                    SearchPage page = index.search(SearchQuery.forReaders(AGENCY_A).text("cum cong nghiep").build());
                    if (page.total() != 300) {
                        problems.add("total " + page.total());
                    }
                    searches.incrementAndGet();
                } catch (RuntimeException e) {
                    problems.add(e.toString());
                }
            }
        });
        searcher.start();
        try {
            String next = index.createNextIndex();
            assertNotEquals(first, next);
            assertTrue(next.startsWith("it-rebuild-v1-"), next);
            for (int from = 0; from < 300; from += 100) {
                assertTrue(index.bulkIndex(next, generation("Thịnh", 300).subList(from, from + 100)).allIndexed());
            }
            // Not visible yet: the live index still answers with the old generation.
            assertEquals(300, countOf("phu"));
            assertEquals(0, countOf("thinh"));

            index.switchAlias(next);

            assertEquals(300, countOf("thinh"));
            assertEquals(0, countOf("phu"));
            Thread.sleep(200); // a few searches on the new index too
        } finally {
            running.set(false);
            searcher.join();
        }
        assertTrue(problems.isEmpty(), () -> "searches during the rebuild: " + problems);
        assertTrue(searches.get() > 10, "the searcher ran " + searches.get() + " searches");

        IndexHealth health = index.health();
        assertEquals(300, health.documentCount());
        assertNotEquals(first, health.index());
        assertEquals(404, status("/" + first), "the old index is deleted");
        // Writes through the alias now land in the new index.
        assertTrue(index.bulkIndex(List.of(aDecision("after").summary("Sau khi xây dựng lại chỉ mục").build())).allIndexed());
        index.refresh();
        assertEquals(301, index.health().documentCount());
    }

    @Test
    void abandonedRebuildTargetsAreRemovedAtTheNextSwitchAndForeignIndexesRefused() throws Exception {
        index.ensureIndex();
        String abandoned = index.createNextIndex();
        String next = index.createNextIndex();
        index.bulkIndex(next, generation("Thịnh", 300));

        index.switchAlias(next);

        assertEquals(404, status("/" + abandoned));
        assertEquals(200, status("/" + next));
        assertThrows(IllegalArgumentException.class, () -> index.switchAlias("other-index"));
        assertThrows(IllegalArgumentException.class, () -> index.bulkIndex("other-index", generation("x", 1)));
        assertThrows(IllegalStateException.class, () -> index.bulkIndex(abandoned, generation("x", 1)),
                "a discarded target is not re-created with guessed mappings");
        assertFalse(index.health().detail().contains("rebuild"), index.health().detail());
    }

    private static long countOf(String word) {
        return index.search(SearchQuery.forReaders(AGENCY_A).text(word).build()).total();
    }

    private static int status(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

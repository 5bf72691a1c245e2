package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.search.BulkItemResult;
import vn.ccn.dms.search.BulkResult;
import vn.ccn.dms.search.IndexHealth;
import vn.ccn.dms.search.SearchSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several application nodes starting at once create exactly one live index. */
@ExtendWith(ElasticsearchNodeExtension.class)
class EnsureIndexIT {

    @Test
    void writesBeforeEnsureIndexFailInsteadOfCreatingAnIndexUnderTheAliasName(TestCluster node) {
        node.reset("it-early");
        try (ElasticsearchDocumentIndex early = new ElasticsearchDocumentIndex(SearchSettings.forUrl(node.url(), "it-early"),
                Clock.systemUTC())) {
            BulkResult refused = early.bulkIndex(List.of(TestDocuments.aDecision("too-early").build()));
            assertEquals(BulkItemResult.Outcome.RETRYABLE_FAILURE, refused.items().get(0).outcome());
            assertTrue(refused.items().get(0).reason().startsWith("index_not_found_exception"), refused.items().get(0).reason());

            String live = early.ensureIndex();
            assertTrue(live.startsWith("it-early-v1-"), live);
            assertTrue(early.bulkIndex(List.of(TestDocuments.aDecision("in-time").build())).allIndexed());
        }
    }

    @Test
    void concurrentStartsAgreeOnOneIndex(TestCluster node) throws Exception {
        node.reset("it-race");
        List<ElasticsearchDocumentIndex> nodes = new ArrayList<>();
        // Distinct clocks give distinct index names; a shared clock gives the same name: both races are covered.
        for (int i = 0; i < 4; i++) {
            Clock clock = Clock.fixed(Instant.parse("2025-09-30T10:15:00Z").plusMillis(i % 2), ZoneOffset.UTC);
            nodes.add(new ElasticsearchDocumentIndex(SearchSettings.forUrl(node.url(), "it-race"), clock));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Callable<String>> starts = nodes.stream().<Callable<String>>map(n -> n::ensureIndex).toList();
            Set<String> chosen = new HashSet<>();
            for (Future<String> result : pool.invokeAll(starts)) {
                chosen.add(result.get());
            }
            assertEquals(1, chosen.size(), "every node uses the same index: " + chosen);
            String live = chosen.iterator().next();

            String indexes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(node.url() + "/_cat/indices/it-race-v*?h=index")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().strip();
            assertEquals(live, indexes, "the losers' indexes are gone");
            IndexHealth health = nodes.get(0).health();
            assertEquals(live, health.index());
            assertTrue(health.searchable());

            assertThrows(IllegalStateException.class, () -> nodes.get(0).discardIndex(live), "the live index cannot be discarded");
        } finally {
            pool.shutdown();
            nodes.forEach(ElasticsearchDocumentIndex::close);
        }
    }
}

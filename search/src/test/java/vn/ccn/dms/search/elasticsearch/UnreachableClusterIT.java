package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.search.IndexHealth;
import vn.ccn.dms.search.SearchQuery;
import vn.ccn.dms.search.SearchSettings;
import vn.ccn.dms.search.SearchUnavailableException;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.AGENCY_A;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.aDecision;

/** A cluster that does not answer: health says so, writes and searches fail as retryable. */
class UnreachableClusterIT {

    private static ElasticsearchDocumentIndex index;

    @BeforeAll
    static void pointAtAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        index = new ElasticsearchDocumentIndex(SearchSettings.forUrl("http://127.0.0.1:" + port, "it-down"), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void healthReportsUnavailableInsteadOfThrowing() {
        IndexHealth health = index.health();

        assertEquals(IndexHealth.Status.UNAVAILABLE, health.status());
        assertFalse(health.searchable());
        assertFalse(health.detail().isEmpty());
    }

    @Test
    void writesAndSearchesFailAsUnavailable() {
        assertThrows(SearchUnavailableException.class, () -> index.bulkIndex(List.of(aDecision("x").build())));
        assertThrows(SearchUnavailableException.class, () -> index.search(SearchQuery.forReaders(AGENCY_A).text("x").build()));
        assertThrows(SearchUnavailableException.class, () -> index.delete("x"));
        assertThrows(SearchUnavailableException.class, index::ensureIndex);
    }
}

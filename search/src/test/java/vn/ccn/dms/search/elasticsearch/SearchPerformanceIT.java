package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.search.BulkResult;
import vn.ccn.dms.search.FacetField;
import vn.ccn.dms.search.IndexedDocument;
import vn.ccn.dms.search.SearchPage;
import vn.ccn.dms.search.SearchQuery;
import vn.ccn.dms.search.SearchSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.AGENCY_A;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.AGENCY_B;

/**
 * Rough figures on the embedded node, printed for the record: bulk rate of 5,000 small documents and the
 * latency of a faceted, highlighted, security-trimmed query. The bounds asserted are sanity limits (an
 * order of magnitude above what a 2-core machine gives), not targets; the benchmark at 100,000
 * documents belongs to the application.
 */
@ExtendWith(ElasticsearchNodeExtension.class)
class SearchPerformanceIT {

    private static final int DOCUMENTS = 5_000;
    private static final String[] SUBJECTS = {
            "Quyết định thành lập cụm công nghiệp", "Đề án phát triển hạ tầng", "Kế hoạch giải phóng mặt bằng",
            "Báo cáo tình hình đầu tư", "Công văn đề nghị điều chỉnh quy hoạch", "Thông báo kết luận thanh tra"};
    private static final String[] PLACES = {"Hữu Lũng", "Chi Lăng", "Cao Lộc", "Văn Lãng", "Đình Lập", "Lộc Bình"};
    private static final String[] TYPES = {"QD", "DA", "KH", "BC", "CV", "TB"};
    private static final String[] QUERIES = {"cum cong nghiep huu lung", "quyết định thành lập", "de an ha tang",
            "giai phong mat bang", "\"kế hoạch giải phóng\"", "quy hoạch Chi Lăng", "thanh tra", "đầu tư Cao Lộc"};

    private static ElasticsearchDocumentIndex index;

    @BeforeAll
    static void connect(TestCluster node) {
        node.reset("it-perf");
        index = new ElasticsearchDocumentIndex(SearchSettings.forUrl(node.url(), "it-perf"), Clock.systemUTC());
        index.ensureIndex();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void bulkIndexingAndFacetedHighlightedSearchAreFast() {
        Random random = new Random(42);
        List<IndexedDocument> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            int s = random.nextInt(SUBJECTS.length);
            String place = PLACES[random.nextInt(PLACES.length)];
            documents.add(IndexedDocument.builder("perf-" + i)
                    .numberSymbol(i + "/" + (2015 + i % 10) + "/QĐ-UBND")
                    .type(TYPES[s]).typeName(SUBJECTS[s].split(" ")[0])
                    .issuer("UBND huyện " + place).agencyCode("000.00.00.H" + (30 + i % 8))
                    .date(LocalDate.of(2015 + i % 10, 1 + i % 12, 1 + i % 28))
                    .ccn("CCN-" + i % 20).status(i % 7 == 0 ? "DRAFT" : "ISSUED")
                    .summary(SUBJECTS[s] + " " + place)
                    .content(SUBJECTS[s] + " tại huyện " + place + ". Căn cứ Luật Đầu tư, Nghị định 32/2024/NĐ-CP về quản lý, "
                            + "phát triển cụm công nghiệp; xét đề nghị của Sở Công Thương, văn bản số " + i + ".")
                    .readers(i % 2 == 0 ? AGENCY_A : AGENCY_B)
                    .build());
        }

        // Warm-up (JIT of client and node share this JVM) into a scratch index that never goes live.
        String scratch = index.createNextIndex();
        long coldStart = System.nanoTime();
        assertTrue(index.bulkIndex(scratch, documents.subList(0, 1_000)).allIndexed());
        double coldRate = 1_000 / ((System.nanoTime() - coldStart) / 1e9);
        index.discardIndex(scratch);

        long start = System.nanoTime();
        for (int from = 0; from < DOCUMENTS; from += 1_000) {
            BulkResult result = index.bulkIndex(documents.subList(from, from + 1_000));
            assertTrue(result.allIndexed(), () -> result.failures().toString());
        }
        index.refresh();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = DOCUMENTS / seconds;

        for (int i = 0; i < 20; i++) { // warm-up
            search(QUERIES[i % QUERIES.length]);
        }
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            long t = System.nanoTime();
            SearchPage page = search(QUERIES[i % QUERIES.length]);
            latencies[i] = System.nanoTime() - t;
            assertTrue(page.total() > 0 && page.total() <= DOCUMENTS / 2, "trimmed to agency A: " + page.total());
        }
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p95 = latencies[(int) (latencies.length * 0.95)] / 1e6;
        System.out.printf("PERF bulk (1,000 per request): first cold 1,000 at %.0f docs/s; then %d docs in %.2f s = %.0f docs/s;"
                + " faceted highlighted query: p50 %.1f ms, p95 %.1f ms%n", coldRate, DOCUMENTS, seconds, rate, p50, p95);

        assertEquals(DOCUMENTS, index.health().documentCount());
        assertTrue(rate > 200, "bulk rate " + rate);
        assertTrue(p95 < 500, "p95 " + p95 + " ms");
    }

    private static SearchPage search(String text) {
        return index.search(SearchQuery.forReaders(AGENCY_A).text(text).filter(FacetField.STATUS, "ISSUED")
                .highlight(true).build());
    }
}

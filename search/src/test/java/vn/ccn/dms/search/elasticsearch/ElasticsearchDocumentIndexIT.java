package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ccn.dms.search.BulkItemResult;
import vn.ccn.dms.search.BulkResult;
import vn.ccn.dms.search.FacetBucket;
import vn.ccn.dms.search.FacetField;
import vn.ccn.dms.search.IndexHealth;
import vn.ccn.dms.search.IndexedDocument;
import vn.ccn.dms.search.SearchHit;
import vn.ccn.dms.search.SearchPage;
import vn.ccn.dms.search.SearchQuery;
import vn.ccn.dms.search.SearchSettings;
import vn.ccn.dms.search.SearchSort;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.AGENCY_A;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.AGENCY_B;
import static vn.ccn.dms.search.elasticsearch.TestDocuments.aDecision;

/** The adapter against a real embedded Elasticsearch node. */
@ExtendWith(ElasticsearchNodeExtension.class)
class ElasticsearchDocumentIndexIT {

    private static final String PAGING_READER = "user:paging";
    private static ElasticsearchDocumentIndex index;
    private static int documentsOfAgencyA;

    @BeforeAll
    static void indexCorpus(TestCluster node) {
        node.reset("it-search");
        index = new ElasticsearchDocumentIndex(SearchSettings.forUrl(node.url(), "it-search"), Clock.systemUTC());
        index.ensureIndex();
        List<IndexedDocument> corpus = new ArrayList<>(List.of(
                aDecision("hl-thanh-lap")
                        .numberSymbol("09/2025/QĐ-UBND").date(LocalDate.of(2025, 9, 15))
                        .summary("Quyết định thành lập cụm công nghiệp Hữu Lũng")
                        .content("Thành lập cụm công nghiệp Hữu Lũng tại xã Đồng Tân, huyện Hữu Lũng, diện tích 75 ha.")
                        .build(),
                aDecision("de-an-2030")
                        .numberSymbol("12/ĐA-UBND").type("DA").typeName("Đề án").date(LocalDate.of(2024, 5, 10))
                        .summary("Đề án phát triển các cụm công nghiệp giai đoạn 2021 - 2030")
                        .content("Mục tiêu của đề án là thu hút đầu tư vào hạ tầng.")
                        .build(),
                aDecision("bao-cao-ha-tang")
                        .numberSymbol("45/BC-SCT").type("BC").typeName("Báo cáo").issuer("Sở Xây dựng tỉnh Lạng Sơn")
                        .date(LocalDate.of(2023, 11, 20)).ccn("CCN-CL-02").status("DRAFT")
                        .summary("Báo cáo tình hình đầu tư hạ tầng")
                        .content("Thực hiện Quyết định số 09/2025/QĐ-UBND, Sở báo cáo tiến độ giải phóng mặt bằng.")
                        .build(),
                aDecision("cong-van-chung")
                        .numberSymbol("101/UBND-KT").type("CV").typeName("Công văn").issuer("UBND huyện Hữu Lũng")
                        .date(LocalDate.of(2025, 1, 5)).ccn(null).status("ISSUED")
                        .summary("Về việc đề nghị điều chỉnh quy hoạch")
                        .content("Đề nghị điều chỉnh ranh giới quy hoạch xây dựng.")
                        .readers(AGENCY_A, AGENCY_B)
                        .build(),
                aDecision("ke-hoach-nong-thon")
                        .numberSymbol("77/KH-UBND").type("KH").typeName("Kế hoạch").date(LocalDate.of(2025, 2, 2))
                        .summary("Kế hoạch phát triển nông thôn mới")
                        .content("Triển khai các tiêu chí về hạ tầng giao thông.")
                        .build(),
                aDecision("phat-trien-ke-hoach")
                        .numberSymbol("78/KH-UBND").type("KH").typeName("Kế hoạch").date(LocalDate.of(2025, 2, 3))
                        .summary("Phát triển kinh tế theo kế hoạch năm")
                        .content("Nội dung về xây dựng dự toán ngân sách.")
                        .build(),
                aDecision("html-in-text")
                        .numberSymbol("5/TB-UBND").type("TB").typeName("Thông báo").date(LocalDate.of(2022, 6, 6))
                        .summary("Thông báo thử nghiệm ký tự đặc biệt")
                        .content("Đoạn văn có thẻ <script>alert(1)</script> trước từ khoá quasar.")
                        .build(),
                // Readable only by agency B: must never be found, counted or quoted for agency A.
                aDecision("secret-of-b")
                        .numberSymbol("03/2022/QĐ-SCT").issuer("Sở Công Thương tỉnh Bắc Giang").agencyCode("000.00.00.H40")
                        .date(LocalDate.of(2022, 8, 8)).ccn("CCN-SECRET-09").secrecy("MAT").status("ISSUED")
                        .summary("Quyết định thành lập cụm công nghiệp Hữu Lũng mở rộng")
                        .content("Phương án zircon khu Đồng Bành, thành lập cụm công nghiệp.")
                        .readers(AGENCY_B)
                        .build()));
        documentsOfAgencyA = (int) corpus.stream().filter(d -> d.readers().contains(AGENCY_A)).count();
        for (int i = 0; i < 25; i++) {
            corpus.add(IndexedDocument.builder("paging-" + i).summary("Thông báo kết luận cuộc họp số " + i)
                    .type("TB").date(LocalDate.of(2020, 1, 1).plusDays(i * 7L)).readers(PAGING_READER).build());
        }
        BulkResult result = index.bulkIndex(corpus);
        assertTrue(result.allIndexed(), () -> "corpus failed: " + result.failures());
        index.refresh();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static SearchPage searchAsA(String text) {
        return index.search(SearchQuery.forReaders(AGENCY_A).text(text).build());
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void textWithoutDiacriticsFindsTheDecisionFirst() {
        SearchPage page = searchAsA("quyet dinh thanh lap cum cong nghiep huu lung");

        assertEquals("hl-thanh-lap", ids(page).get(0));
        assertFalse(ids(page).contains("secret-of-b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"đề án", "de an", "DE AN", "Đề Án"})
    void deAnMatchesWithAndWithoutDiacritics(String text) {
        assertEquals("de-an-2030", ids(searchAsA(text)).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"09/2025/qđ-ubnd", " 09 / 2025 / QĐ-UBND ", "09/2025/QD-UBND", "09/2025/qd-ubnd"})
    void numberSymbolIsFoundExactlyFromAnyCaseOrSpacing(String text) {
        SearchPage page = searchAsA(text);

        assertEquals("hl-thanh-lap", ids(page).get(0));
        // The report that cites the decision comes after it, and nothing unrelated matches loose words.
        assertEquals(List.of("hl-thanh-lap", "bao-cao-ha-tang"), ids(page));
    }

    @Test
    void numberSymbolInsideFreeTextLiftsItsDocument() {
        assertEquals("hl-thanh-lap", ids(searchAsA("quyết định 09/2025/QĐ-UBND")).get(0));
        assertEquals("hl-thanh-lap", ids(searchAsA("quyet dinh so 09 / 2025 / qd-ubnd")).get(0));
    }

    @Test
    void documentsOfAnotherAgencyAreNeverFoundCountedOrQuoted() {
        SearchPage unique = searchAsA("zircon");
        assertEquals(0, unique.total());
        unique.facets().values().forEach(buckets -> assertTrue(buckets.isEmpty(), unique.facets().toString()));

        SearchPage all = index.search(SearchQuery.forReaders(AGENCY_A).text("").page(0, 100).build());
        assertEquals(documentsOfAgencyA, all.total());
        assertFalse(ids(all).contains("secret-of-b"));
        assertFalse(values(all, FacetField.ISSUER).contains("Sở Công Thương tỉnh Bắc Giang"));
        assertFalse(values(all, FacetField.CCN).contains("CCN-SECRET-09"));
        assertEquals(1, count(all, FacetField.YEAR, "2022"));
        assertEquals(documentsOfAgencyA, sum(all, FacetField.TYPE));

        SearchPage sameWords = searchAsA("thanh lap cum cong nghiep");
        assertFalse(ids(sameWords).contains("secret-of-b"));
        sameWords.hits().forEach(hit -> hit.highlights().values().stream().flatMap(List::stream)
                .forEach(snippet -> assertFalse(snippet.contains("zircon") || snippet.contains("Bành"), snippet)));

        SearchPage asB = index.search(SearchQuery.forReaders(AGENCY_B).text("thanh lap cum cong nghiep").build());
        assertEquals(List.of("secret-of-b"), ids(asB));
        SearchPage allOfB = index.search(SearchQuery.forReaders(AGENCY_B).build());
        assertEquals(Set.of("secret-of-b", "cong-van-chung"), Set.copyOf(ids(allOfB)));
        assertTrue(values(allOfB, FacetField.CCN).contains("CCN-SECRET-09"));

        SearchPage both = index.search(SearchQuery.forReaders(AGENCY_A, "user:nobody", AGENCY_B).page(0, 100).build());
        assertEquals(documentsOfAgencyA + 1, both.total());
    }

    @Test
    void facetsCountEveryValueAndAFilteredFieldStillShowsItsAlternatives() {
        SearchPage all = index.search(SearchQuery.forReaders(AGENCY_A).build());
        assertEquals(Map.of("QD", 1L, "DA", 1L, "BC", 1L, "CV", 1L, "KH", 2L, "TB", 1L), counts(all, FacetField.TYPE));
        assertEquals(Map.of("2025", 4L, "2024", 1L, "2023", 1L, "2022", 1L), counts(all, FacetField.YEAR));
        assertEquals(Map.of("ISSUED", 6L, "DRAFT", 1L), counts(all, FacetField.STATUS));
        assertEquals(Map.of("CCN-HL-01", 5L, "CCN-CL-02", 1L), counts(all, FacetField.CCN));

        SearchPage plans = index.search(SearchQuery.forReaders(AGENCY_A).filter(FacetField.TYPE, "KH").build());
        assertEquals(2, plans.total());
        assertEquals(Set.of("ke-hoach-nong-thon", "phat-trien-ke-hoach"), Set.copyOf(ids(plans)));
        // The type facet ignores the type filter, every other facet applies it.
        assertEquals(counts(all, FacetField.TYPE), counts(plans, FacetField.TYPE));
        assertEquals(Map.of("2025", 2L), counts(plans, FacetField.YEAR));

        SearchPage plansOrReports = index.search(SearchQuery.forReaders(AGENCY_A)
                .filter(FacetField.TYPE, "KH", "BC").filter(FacetField.YEAR, "2025").build());
        assertEquals(Set.of("ke-hoach-nong-thon", "phat-trien-ke-hoach"), Set.copyOf(ids(plansOrReports)));

        SearchPage byDate = index.search(SearchQuery.forReaders(AGENCY_A)
                .dateBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 2)).build());
        assertEquals(Set.of("cong-van-chung", "ke-hoach-nong-thon"), Set.copyOf(ids(byDate)));
    }

    @Test
    void quotedPhraseMatchesOnlyTheWordsInThatOrder() {
        assertEquals(List.of("ke-hoach-nong-thon"), ids(searchAsA("\"kế hoạch phát triển\"")));
        assertEquals(List.of("ke-hoach-nong-thon"), ids(searchAsA("\"ke hoach phat trien\"")));
        assertEquals(Set.of("ke-hoach-nong-thon", "phat-trien-ke-hoach"), Set.copyOf(ids(searchAsA("kế hoạch phát triển"))));
    }

    @Test
    void pagesAreDisjointAndSortedByDate() {
        List<String> seen = new ArrayList<>();
        LocalDate previous = LocalDate.MAX;
        for (int page = 0; page < 3; page++) {
            SearchPage result = index.search(SearchQuery.forReaders(PAGING_READER)
                    .sort(SearchSort.DATE_NEWEST_FIRST).page(page, 10).build());
            assertEquals(25, result.total());
            assertEquals(page < 2 ? 10 : 5, result.hits().size());
            for (SearchHit hit : result.hits()) {
                assertTrue(!hit.date().isAfter(previous), "dates descend across pages");
                previous = hit.date();
                seen.add(hit.id());
            }
        }
        assertEquals(25, new HashSet<>(seen).size());
        assertEquals("paging-24", seen.get(0));

        SearchPage oldest = index.search(SearchQuery.forReaders(PAGING_READER).sort(SearchSort.DATE_OLDEST_FIRST)
                .page(0, 3).build());
        assertEquals(List.of("paging-0", "paging-1", "paging-2"), ids(oldest));
    }

    @Test
    void snippetsAreHtmlEscapedWithMatchesMarked() {
        SearchHit hit = searchAsA("quasar").hits().get(0);

        String snippet = hit.highlights().get("content").get(0);
        assertTrue(snippet.contains("<mark>quasar</mark>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertFalse(snippet.contains("<script>"), snippet);
    }

    @Test
    void hitsCarryDisplayFieldsAndHighlightsOfTheSubjectLine() {
        SearchHit hit = searchAsA("huu lung").hits().get(0);

        assertEquals("hl-thanh-lap", hit.id());
        assertEquals("hl-thanh-lap-v1", hit.versionId());
        assertEquals("09/2025/QĐ-UBND", hit.numberSymbol());
        assertEquals(LocalDate.of(2025, 9, 15), hit.date());
        assertNotNull(hit.score());
        assertTrue(hit.highlights().get("summary").get(0).contains("<mark>Hữu</mark> <mark>Lũng</mark>"),
                hit.highlights().toString());

        SearchHit withoutText = index.search(SearchQuery.forReaders(AGENCY_A).highlight(true).build()).hits().get(0);
        assertTrue(withoutText.highlights().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(((", "field:*", "*", ")", "\"unterminated", "a AND OR NOT", "-", "\\", "~2", "title:(a OR b",
            "/regex.*/", "a^999", "<script>alert(1)</script>", "{!lucene}x", "+-+-", "\u0000"})
    void hostileSyntaxGivesAResultNotAnError(String text) {
        SearchPage page = searchAsA(text);
        assertTrue(page.total() >= 0);
        assertFalse(ids(page).contains("secret-of-b"));
    }

    @Test
    void overlongQueriesAreRefusedWithAClearMessageAndTheLongestAllowedOneRuns() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SearchQuery.forReaders(AGENCY_A).text("(".repeat(10_000)).build());
        assertTrue(refused.getMessage().contains("1000"), refused.getMessage());

        String longest = IntStream.range(0, 200).mapToObj(i -> "t" + i + "(").collect(Collectors.joining(" "))
                .substring(0, SearchQuery.MAX_TEXT_LENGTH);
        assertEquals(0, searchAsA(longest).total());
        String manyRealWords = "quyết định thành lập cụm công nghiệp Hữu Lũng ".repeat(22).substring(0, SearchQuery.MAX_TEXT_LENGTH);
        assertEquals("hl-thanh-lap", ids(searchAsA(manyRealWords)).get(0));
    }

    @Test
    void reindexingTheSameIdReplacesTheEntryAndDeleteIsIdempotent() {
        IndexedDocument first = aDecision("reindexed").summary("Phiên bản đầu tiên về thủy lợi").versionId("r-v1").build();
        IndexedDocument second = aDecision("reindexed").summary("Phiên bản thứ hai về thủy lợi").versionId("r-v2").build();
        long before = index.health().documentCount();

        assertTrue(index.bulkIndex(List.of(first)).allIndexed());
        assertTrue(index.bulkIndex(List.of(first)).allIndexed());
        assertTrue(index.bulkIndex(List.of(second)).allIndexed());
        index.refresh();

        SearchPage page = searchAsA("thuy loi");
        assertEquals(List.of("reindexed"), ids(page));
        assertEquals("r-v2", page.hits().get(0).versionId());
        assertEquals(before + 1, index.health().documentCount());

        assertTrue(index.delete("reindexed"));
        assertFalse(index.delete("reindexed"));
        index.refresh();
        assertEquals(0, searchAsA("thuy loi").total());
        assertEquals(before, index.health().documentCount());
    }

    @Test
    void aRefusedDocumentFailsAloneWithItsReason() {
        BulkResult result = index.bulkIndex(List.of(
                aDecision("bad-year").year(40_000).build(),
                aDecision("good-one").summary("Tài liệu hợp lệ").build()));

        assertEquals(BulkItemResult.Outcome.PERMANENT_FAILURE, result.items().get(0).outcome());
        assertTrue(result.items().get(0).reason().contains("year"), result.items().get(0).reason());
        assertEquals(BulkItemResult.Outcome.INDEXED, result.items().get(1).outcome());
        assertNull(result.items().get(1).reason());
        assertTrue(index.delete("good-one"));
        index.refresh();
    }

    @Test
    void largeDocumentsAreIndexedAndAnOversizedOneFailsAlone() {
        String bigText = "văn bản dài ".repeat(130_000); // about 1.6 million characters each
        List<IndexedDocument> batch = List.of(
                aDecision("big-1").content(bigText + " nebula").build(),
                aDecision("big-2").content(bigText).build(),
                aDecision("big-3").content(bigText).build(),
                aDecision("huge").content("x".repeat(23_000_000)).build());

        BulkResult result = index.bulkIndex(batch);

        assertEquals(List.of(BulkItemResult.Outcome.INDEXED, BulkItemResult.Outcome.INDEXED, BulkItemResult.Outcome.INDEXED,
                BulkItemResult.Outcome.PERMANENT_FAILURE), result.items().stream().map(BulkItemResult::outcome).toList());
        assertTrue(result.items().get(3).reason().contains("too large"), result.items().get(3).reason());
        index.refresh();
        // The match lies past the highlighter's 1,000,000-character limit: found, and the search does not fail.
        assertEquals(List.of("big-1"), ids(searchAsA("nebula")));
        for (String id : List.of("big-1", "big-2", "big-3")) {
            assertTrue(index.delete(id));
        }
        index.refresh();
    }

    @Test
    void healthReportsTheLiveIndexAndItsCount() {
        IndexHealth health = index.health();

        assertEquals(IndexHealth.Status.GREEN, health.status());
        assertTrue(health.index().startsWith("it-search-v1-"), health.index());
        assertEquals(index.search(SearchQuery.forReaders(AGENCY_A).build()).total()
                + index.search(SearchQuery.forReaders(PAGING_READER).build()).total() + 1, health.documentCount());
        assertEquals(health.index(), index.ensureIndex(), "ensureIndex keeps the existing index");
    }

    private static Map<String, Long> counts(SearchPage page, FacetField field) {
        return page.facets().get(field).stream().collect(Collectors.toMap(FacetBucket::value, FacetBucket::count));
    }

    private static Set<String> values(SearchPage page, FacetField field) {
        return counts(page, field).keySet();
    }

    private static long count(SearchPage page, FacetField field, String value) {
        return counts(page, field).getOrDefault(value, 0L);
    }

    private static long sum(SearchPage page, FacetField field) {
        return counts(page, field).values().stream().mapToLong(Long::longValue).sum();
    }
}

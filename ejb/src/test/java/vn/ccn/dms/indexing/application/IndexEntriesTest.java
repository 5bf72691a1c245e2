package vn.ccn.dms.indexing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.indexing.domain.DocumentSnapshot;
import vn.ccn.dms.indexing.domain.IndexState;
import vn.ccn.dms.indexing.domain.StoredFileRef;
import vn.ccn.dms.indexing.domain.StoredText;

class IndexEntriesTest {

    private static DocumentSnapshot snapshot(StoredFileRef... files) {
        return new DocumentSnapshot(7L, 9L, "09/2025/QĐ-UBND", "QĐ", "Quyết định", "UBND tỉnh", "000.00.12.H37",
                LocalDate.of(2025, 1, 20), 2025, "NONE", "REGISTERED", "Ban hành quy chế", null, "UBND-250101-0001", "CCN-HL", List.of(files),
                List.of("agency:000.00.12.H37"));
    }

    @Test
    void theSameRowsGiveTheSameEntry() {
        StoredFileRef a = new StoredFileRef(1, "a.pdf", "k1", "application/pdf", 10);
        StoredFileRef b = new StoredFileRef(2, "b.pdf", "k2", "application/pdf", 10);
        Map<String, StoredText> texts = Map.of("k1", new StoredText("k1", null, "văn bản một", false, false),
                "k2", new StoredText("k2", null, "văn bản hai", false, true));
        IndexEntries.Entry first = IndexEntries.of(snapshot(a, b), texts, Set.of());
        assertEquals(first, IndexEntries.of(snapshot(a, b), texts, Set.of()));
        assertEquals("văn bản một\n\nvăn bản hai", first.document().content());
        assertTrue(first.document().ocr(), "one file came from OCR");
        assertEquals(IndexState.INDEXED, first.stateIfAccepted());
        assertNull(first.reason());
        assertEquals("7", first.document().id());
        assertEquals("9", first.document().versionId());
        assertEquals(2025, first.document().year());
    }

    @Test
    void aFileThatCouldNotBeReadFailsTheVersionButTheOthersAreIndexed() {
        StoredFileRef good = new StoredFileRef(1, "tot.pdf", "k1", "application/pdf", 10);
        StoredFileRef bad = new StoredFileRef(2, "mat.pdf", "k2", "application/pdf", 10);
        IndexEntries.Entry e = IndexEntries.of(snapshot(good, bad), Map.of(
                "k1", new StoredText("k1", null, "nội dung", false, false),
                "k2", new StoredText("k2", "Tệp được mã hóa", "", false, false)), Set.of());
        assertEquals(IndexState.FAILED, e.stateIfAccepted());
        assertEquals("mat.pdf: Tệp được mã hóa", e.reason());
        assertEquals("nội dung", e.document().content());
        assertFalse(e.document().ocr());
    }

    @Test
    void aFileTheStoreCannotReadNowFailsTheVersionWithAReasonThatPromisesARetry() {
        StoredFileRef good = new StoredFileRef(1, "tot.pdf", "k1", "application/pdf", 10);
        StoredFileRef away = new StoredFileRef(2, "vang.pdf", "k2", "application/pdf", 10);
        // An older failed text of k2 is stored: the store's failure this time is what the version reports.
        IndexEntries.Entry e = IndexEntries.of(snapshot(good, away), Map.of(
                "k1", new StoredText("k1", null, "nội dung", false, false),
                "k2", new StoredText("k2", "Tệp được mã hóa", "", false, false)), Set.of("k2"));
        assertEquals(IndexState.FAILED, e.stateIfAccepted());
        assertEquals("vang.pdf: tạm thời không đọc được tệp từ kho lưu trữ; hệ thống sẽ tự thử lại", e.reason());
        assertEquals("nội dung", e.document().content(), "the readable file is indexed");
        assertEquals("Ban hành quy chế", e.document().summary(), "the metadata is indexed");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        IndexingSettings s = IndexingSettings.from(key -> key.equals("dms.indexing.max-backoff-ms") ? "10000" : null);
        assertEquals(Duration.ofSeconds(1), s.backoff(1));
        assertEquals(Duration.ofSeconds(2), s.backoff(2));
        assertEquals(Duration.ofSeconds(8), s.backoff(4));
        assertEquals(Duration.ofSeconds(10), s.backoff(5));
        assertEquals(Duration.ofSeconds(10), s.backoff(500));
    }
}

package vn.ccn.dms.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {

    @Test
    void readersAreMandatory() {
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders(Set.of()).build());
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders(" ").build());
        assertThrows(NullPointerException.class, () -> SearchQuery.forReaders((Set<String>) null).build());
    }

    @Test
    void overlongTextIsRefusedWithAMessageForTheUser() {
        String atLimit = "a".repeat(SearchQuery.MAX_TEXT_LENGTH);
        assertEquals(atLimit, SearchQuery.forReaders("user:a").text(atLimit).build().text());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchQuery.forReaders("user:a").text("x".repeat(10_000)).build());
        assertEquals("Chuỗi tìm kiếm dài 10000 ký tự, vượt quá giới hạn 1000 ký tự. Vui lòng rút gọn.", e.getMessage());
    }

    @Test
    void textIsTrimmedAndComposed() {
        // "Quyết" typed with combining marks (NFD) becomes the precomposed form the index folds.
        String decomposed = java.text.Normalizer.normalize("  Quyết định ", java.text.Normalizer.Form.NFD);
        assertEquals("Quyết định", SearchQuery.forReaders("user:a").text(decomposed).build().text());
    }

    @Test
    void pagingIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders("user:a").page(-1, 10).build());
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders("user:a").page(0, 0).build());
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders("user:a").page(0, SearchQuery.MAX_SIZE + 1).build());
        SearchQuery.forReaders("user:a").page(99, 100).build();
        IllegalArgumentException tooDeep = assertThrows(IllegalArgumentException.class,
                () -> SearchQuery.forReaders("user:a").page(100, 100).build());
        assertTrue(tooDeep.getMessage().contains("10000"), tooDeep.getMessage());
    }

    @Test
    void filtersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders("user:a").filter(FacetField.YEAR, "năm ngoái").build());
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.forReaders("user:a")
                .dateBetween(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)).build());
        SearchQuery query = SearchQuery.forReaders("user:a").filter(FacetField.YEAR, "2025", "2024").filter(FacetField.TYPE).build();
        assertEquals(Set.of("2025", "2024"), query.filters().get(FacetField.YEAR));
        assertTrue(!query.filters().containsKey(FacetField.TYPE), "empty value sets are dropped");
    }
}

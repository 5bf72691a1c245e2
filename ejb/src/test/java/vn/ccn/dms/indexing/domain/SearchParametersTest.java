package vn.ccn.dms.indexing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    @Test
    void readsRepeatedAndCommaSeparatedFiltersButNeverSplitsIssuerNames() {
        SearchParameters p = SearchParameters.from(Map.of("q", List.of(" quyết định "), "type", List.of("QĐ,TTr", "CV"),
                "issuer", List.of("UBND xã A, huyện B"), "year", List.of("2025"), "sort", List.of("newest"),
                "page", List.of("2"), "size", List.of("50")));
        assertEquals("quyết định", p.text());
        assertEquals(Set.of("QĐ", "TTr", "CV"), p.types());
        assertEquals(Set.of("UBND xã A, huyện B"), p.issuers());
        assertEquals(SearchParameters.Sort.NEWEST, p.sort());
        assertEquals(2, p.page());
        assertEquals(50, p.size());
    }

    @Test
    void roundTripsThroughItsQueryStringForm() {
        SearchParameters p = SearchParameters.from(Map.of("q", List.of("cụm công nghiệp & \"Hữu Lũng\""),
                "type", List.of("QĐ"), "status", List.of("ISSUED"), "sort", List.of("oldest")));
        String qs = p.toQueryString();
        assertEquals(p, SearchParameters.fromQueryString(qs));
        assertTrue(qs.startsWith("q=c%E1%BB%A5m"), qs);
    }

    @Test
    void refusesBadInputWithVietnameseMessages() {
        for (Map<String, List<String>> bad : List.of(Map.of("size", List.of("0")), Map.of("size", List.of("101")),
                Map.of("page", List.of("-1")), Map.of("year", List.of("25")), Map.of("sort", List.of("x")),
                Map.of("page", List.of("abc")), Map.of("q", List.of("a", "b")), Map.of("q", List.of("x".repeat(1001))),
                Map.of("q", List.of("a\u0000b")), Map.of("page", List.of("500"), "size", List.of("100")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchParameters.from(bad),
                    bad::toString);
            assertTrue(e.getMessage().matches("\\w+: .+"), e.getMessage());
        }
    }

    @Test
    void namesEveryWrongParameterInOneAnswerInTheOrderOfTheForm() {
        InvalidSearchParameters e = assertThrows(InvalidSearchParameters.class, () -> SearchParameters.from(Map.of(
                "size", List.of("0"), "page", List.of("x"), "sort", List.of("best"), "type", List.of("a\u0001"),
                "q", List.of("b\u0000"))));
        assertEquals(List.of("q: chuỗi tìm kiếm chứa ký tự điều khiển", "type: giá trị lọc không hợp lệ",
                "sort: chỉ nhận relevance, newest hoặc oldest", "page: phải là số nguyên",
                "size: số kết quả mỗi trang từ 1 đến 100"), e.errors());
        assertEquals(String.join("; ", e.errors()), e.getMessage());
    }

    @Test
    void aSingleWrongParameterIsTheOnlyReason() {
        InvalidSearchParameters e = assertThrows(InvalidSearchParameters.class,
                () -> SearchParameters.from(Map.of("page", List.of("500"), "size", List.of("100"))));
        assertEquals(List.of("page: chỉ xem được 10000 kết quả đầu tiên; hãy thu hẹp điều kiện tìm kiếm"), e.errors());
    }
}

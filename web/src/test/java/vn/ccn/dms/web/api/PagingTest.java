package vn.ccn.dms.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

class PagingTest {

    @Test
    void absentParametersGiveTheFirstPageOfTheDefaultSize() {
        assertEquals(new Paging(0, 20), Paging.of(null, null, 20, 100));
        assertEquals(new Paging(0, 20), Paging.of("", " ", 20, 100));
        assertEquals(new Paging(3, 100), Paging.of("3", " 100 ", 20, 100));
    }

    @Test
    void malformedAndOutOfRangeValuesAreRefusedByName() {
        for (String[] bad : new String[][] {{"-1", null}, {"abc", null}, {"1.5", null}, {"99999999999", null}}) {
            DomainException e = assertThrows(DomainException.class, () -> Paging.of(bad[0], bad[1], 20, 100));
            assertEquals(Problem.INVALID_INPUT, e.problem());
            assertEquals(List.of("page: số trang là số nguyên từ 0"), e.extensions().get("errors"), bad[0]);
        }
        for (String size : List.of("0", "101", "-5", "x")) {
            DomainException e = assertThrows(DomainException.class, () -> Paging.of(null, size, 20, 100));
            assertEquals(List.of("size: số mục mỗi trang là số nguyên từ 1 đến 100"), e.extensions().get("errors"), size);
        }
        DomainException both = assertThrows(DomainException.class, () -> Paging.of("-1", "0", 20, 100));
        assertEquals("Tham số phân trang không hợp lệ", both.getMessage());
        assertEquals(2, ((List<?>) both.extensions().get("errors")).size());
    }

    @Test
    void aMaxOutsideItsRangeIsRefusedByName() {
        assertEquals(50, Paging.max(null, 50, 500));
        assertEquals(500, Paging.max("500", 50, 500));
        for (String bad : List.of("0", "501", "abc", "-1")) {
            DomainException e = assertThrows(DomainException.class, () -> Paging.max(bad, 50, 500));
            assertEquals(List.of("max: số mục tối đa là số nguyên từ 1 đến 500"), e.extensions().get("errors"), bad);
        }
    }
}

package vn.ccn.dms.signature.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.platform.DomainException;

class CopyPagesTest {

    @Test
    void pageListsAndRangesAreSortedWithoutDuplicates() {
        assertEquals(List.of(1, 3, 4, 5), CopyService.parsePages("4-5, 1,3,4"));
        assertEquals(List.of(2), CopyService.parsePages("2"));
    }

    @Test
    void emptyOrMalformedPageListsAreRefused() {
        assertThrows(DomainException.class, () -> CopyService.parsePages(""));
        assertThrows(DomainException.class, () -> CopyService.parsePages("0"));
        assertThrows(DomainException.class, () -> CopyService.parsePages("3-1"));
        assertThrows(DomainException.class, () -> CopyService.parsePages("a"));
    }
}

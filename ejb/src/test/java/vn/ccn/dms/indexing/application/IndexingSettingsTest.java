package vn.ccn.dms.indexing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexingSettingsTest {

    private static IndexingSettings with(String key, String value) {
        return IndexingSettings.from(Map.of(key, value)::get);
    }

    @Test
    void extractionRunsBelowTheServersPriorityUnlessSetToZero() {
        assertEquals(19, IndexingSettings.from(key -> null).extractionNice());
        assertEquals(0, with("dms.indexing.extraction-nice", "0").extractionNice());
        assertEquals(19, with("dms.indexing.extraction-nice", " 19 ").extractionNice());
    }

    @Test
    void aNiceValueOutsideLinuxsRangeIsRefusedWithItsKey() {
        for (String bad : new String[] {"20", "-1", "dễ"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> with("dms.indexing.extraction-nice", bad));
            assertTrue(e.getMessage().contains("dms.indexing.extraction-nice"), e.getMessage());
        }
    }
}

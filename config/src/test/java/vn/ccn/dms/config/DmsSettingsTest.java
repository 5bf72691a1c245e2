package vn.ccn.dms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmsSettingsTest {

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        DmsSettings settings = DmsSettings.from(key -> null);
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), settings.zone());
        assertEquals(104_857_600L, settings.uploadMaxBytes());
        assertTrue(settings.allowedMediaTypes().contains("application/pdf"));
        assertEquals(2000L, settings.numberingQueueWaitMillis());
        assertEquals(60L, settings.referenceCacheSeconds());
    }

    @Test
    void configuredValuesWin() {
        Map<String, String> values = Map.of("dms.upload.max-bytes", "1024", "dms.content.root", "/srv/content");
        DmsSettings settings = DmsSettings.from(values::get);
        assertEquals(1024L, settings.uploadMaxBytes());
        assertEquals("/srv/content", settings.contentRoot().toString());
    }

    @Test
    void nonsenseIsRefusedWithTheKeyNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DmsSettings.from(Map.of("dms.upload.max-bytes", "lots")::get));
        assertTrue(e.getMessage().contains("dms.upload.max-bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DmsSettings.from(Map.of("dms.upload.max-bytes", "-1")::get));
        assertEquals(0L, DmsSettings.from(Map.of("dms.numbering.queue-wait-ms", "0")::get).numberingQueueWaitMillis());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> DmsSettings.from(Map.of("dms.numbering.queue-wait-ms", "-5")::get));
        assertTrue(negative.getMessage().contains("dms.numbering.queue-wait-ms"), negative.getMessage());
        assertEquals(15L, DmsSettings.from(Map.of("dms.cache.reference-seconds", "15")::get).referenceCacheSeconds());
        IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
                () -> DmsSettings.from(Map.of("dms.cache.reference-seconds", "0")::get));
        assertTrue(never.getMessage().contains("dms.cache.reference-seconds"), never.getMessage());
    }
}

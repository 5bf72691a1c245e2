package vn.ccn.dms.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Immutable, validated view of the settings. Built from any lookup function so that it can be read
 * from MicroProfile Config in the server and from a plain map in unit tests.
 */
public final class DmsSettings {

    private final Path contentRoot;
    private final long uploadMaxBytes;
    private final Set<String> allowedMediaTypes;
    private final long orphanGraceMinutes;
    private final ZoneId zone;
    private final int pageMaxSize;
    private final long numberingQueueWaitMillis;
    private final long referenceCacheSeconds;

    private DmsSettings(Function<SettingKey, String> lookup) {
        this.contentRoot = Path.of(value(lookup, SettingKey.CONTENT_ROOT));
        this.uploadMaxBytes = positiveLong(lookup, SettingKey.UPLOAD_MAX_BYTES);
        this.allowedMediaTypes = Arrays.stream(value(lookup, SettingKey.UPLOAD_ALLOWED_TYPES).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.orphanGraceMinutes = positiveLong(lookup, SettingKey.CONTENT_ORPHAN_GRACE_MINUTES);
        this.zone = ZoneId.of(value(lookup, SettingKey.TIME_ZONE));
        this.pageMaxSize = (int) positiveLong(lookup, SettingKey.PAGE_MAX_SIZE);
        this.numberingQueueWaitMillis = nonNegativeLong(lookup, SettingKey.NUMBERING_QUEUE_WAIT_MS);
        this.referenceCacheSeconds = positiveLong(lookup, SettingKey.REFERENCE_CACHE_SECONDS);
    }

    /**
     * @param lookup returns the configured value of a key, or {@code null} when it is not set
     */
    public static DmsSettings from(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new DmsSettings(key -> {
            String v = lookup.apply(key.key());
            return v == null || v.isBlank() ? key.defaultValue() : v.trim();
        });
    }

    private static String value(Function<SettingKey, String> lookup, SettingKey key) {
        return lookup.apply(key);
    }

    private static long nonNegativeLong(Function<SettingKey, String> lookup, SettingKey key) {
        String raw = lookup.apply(key);
        try {
            long v = Long.parseLong(raw);
            if (v < 0) {
                throw new IllegalArgumentException(key.key() + " must not be negative, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.key() + " must be a whole number, was '" + raw + "'", e);
        }
    }

    private static long positiveLong(Function<SettingKey, String> lookup, SettingKey key) {
        String raw = lookup.apply(key);
        try {
            long v = Long.parseLong(raw);
            if (v <= 0) {
                throw new IllegalArgumentException(key.key() + " must be positive, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.key() + " must be a whole number, was '" + raw + "'", e);
        }
    }

    public Path contentRoot() {
        return contentRoot;
    }

    public long uploadMaxBytes() {
        return uploadMaxBytes;
    }

    public Set<String> allowedMediaTypes() {
        return allowedMediaTypes;
    }

    public long orphanGraceMinutes() {
        return orphanGraceMinutes;
    }

    public ZoneId zone() {
        return zone;
    }

    public int pageMaxSize() {
        return pageMaxSize;
    }

    /** Longest wait in this node's numbering queue; 0 when the queue is off. */
    public long numberingQueueWaitMillis() {
        return numberingQueueWaitMillis;
    }

    /** How long reference data stays in this node's shared cache before it is read again. */
    public long referenceCacheSeconds() {
        return referenceCacheSeconds;
    }
}

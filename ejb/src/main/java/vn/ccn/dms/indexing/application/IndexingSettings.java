package vn.ccn.dms.indexing.application;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import vn.ccn.dms.indexing.domain.ExtractionLimits;

/**
 * Settings of the indexing worker, read through MicroProfile Config ({@code dms.indexing.*}; environment form
 * {@code DMS_INDEXING_*}). Defaults suit a 2-core server; see {@code docs/search.md}.
 *
 * @param enabled           whether this node runs the worker (every node may; rows are claimed with SKIP LOCKED)
 * @param pollInterval      pause between polls when the outbox is empty
 * @param batchSize         outbox rows claimed and documents sent per bulk request
 * @param extractionThreads files extracted side by side
 * @param extractionNice    nice value of the extraction threads (and of the OCR processes they start), 0 to leave
 *                          them at the server's priority: uploads and searches then keep the processor when it is
 *                          contended, and extraction catches up when it is not
 * @param lease             how long a claimed row is reserved before another worker may take it
 * @param maxBackoff        longest pause before retrying a row whose indexing failed (doubling from one second)
 * @param ocrEnabled        whether scans go to OCR
 * @param ocrCommand        the Tesseract executable
 * @param ocrLanguages      Tesseract languages ({@code vie})
 * @param limits            extraction limits
 */
public record IndexingSettings(boolean enabled, Duration pollInterval, int batchSize, int extractionThreads,
        int extractionNice, Duration lease, Duration maxBackoff, boolean ocrEnabled, String ocrCommand, String ocrLanguages,
        ExtractionLimits limits) {

    public IndexingSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(limits, "limits");
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("dms.indexing.batch-size must be 1..1000, was " + batchSize);
        }
        if (extractionThreads < 1 || extractionThreads > 64) {
            throw new IllegalArgumentException("dms.indexing.extraction-threads must be 1..64, was " + extractionThreads);
        }
        if (extractionNice < 0 || extractionNice > 19) {
            throw new IllegalArgumentException("dms.indexing.extraction-nice must be 0..19, was " + extractionNice);
        }
    }

    /** @param lookup the configured value of a key, or {@code null} */
    public static IndexingSettings from(Function<String, String> lookup) {
        ExtractionLimits d = ExtractionLimits.defaults();
        Config c = new Config(lookup);
        ExtractionLimits limits = new ExtractionLimits(
                Duration.ofSeconds(c.number("dms.indexing.time-per-file-seconds", d.timePerFile().toSeconds())),
                (int) c.number("dms.indexing.max-characters", d.maxCharacters()),
                c.number("dms.indexing.max-file-bytes", d.maxFileBytes()),
                (int) c.number("dms.indexing.max-nesting-depth", d.maxNestingDepth()),
                c.number("dms.indexing.max-compression-ratio", d.maxCompressionRatio()),
                (int) c.number("dms.indexing.max-xml-depth", d.maxXmlDepth()),
                (int) c.number("dms.indexing.ocr.max-pages", d.ocrMaxPages()),
                (int) c.number("dms.indexing.ocr.dpi", d.ocrDpi()),
                c.number("dms.indexing.ocr.max-pixels", d.ocrMaxPixels()));
        return new IndexingSettings(
                Boolean.parseBoolean(c.text("dms.indexing.enabled", "true")),
                Duration.ofMillis(c.number("dms.indexing.poll-interval-ms", 1_000)),
                (int) c.number("dms.indexing.batch-size", 100),
                (int) c.number("dms.indexing.extraction-threads", 2),
                c.whole("dms.indexing.extraction-nice", 19),
                Duration.ofSeconds(c.number("dms.indexing.lease-seconds", 600)),
                Duration.ofMillis(c.number("dms.indexing.max-backoff-ms", 60_000)),
                Boolean.parseBoolean(c.text("dms.indexing.ocr.enabled", "true")),
                c.text("dms.indexing.ocr.command", "tesseract"),
                c.text("dms.indexing.ocr.languages", "vie"),
                limits);
    }

    /** Doubling pause after the n-th failed attempt: 1 s, 2 s, 4 s ... up to {@link #maxBackoff()}. */
    public Duration backoff(int attempts) {
        long millis = 1_000L << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private record Config(Function<String, String> lookup) {
        String text(String key, String defaultValue) {
            String v = lookup.apply(key);
            return v == null || v.isBlank() ? defaultValue : v.trim();
        }

        /** A whole number that may be zero (its range is checked by the settings). */
        int whole(String key, int defaultValue) {
            Long n = parsed(key);
            return n == null ? defaultValue : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
        }

        long number(String key, long defaultValue) {
            Long n = parsed(key);
            if (n == null) {
                return defaultValue;
            }
            if (n <= 0) {
                throw new IllegalArgumentException(key + " must be positive, was " + n);
            }
            return n;
        }

        private Long parsed(String key) {
            String v = text(key, null);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'", e);
            }
        }
    }
}

package vn.ccn.dms.indexing.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the work and memory one file may cost the extractor, so that a hostile or broken file (zip bomb,
 * endless PDF, 200 MB of text) ends as a recorded failure instead of taking the server down.
 *
 * @param timePerFile          wall-clock limit of one file, OCR included
 * @param maxCharacters        text kept per file; the rest is cut (and the cut recorded)
 * @param maxFileBytes         larger files are not opened at all
 * @param maxNestingDepth      embedded documents deeper than this (archives in archives) fail the file
 * @param maxCompressionRatio  output characters per input byte above which a file counts as a zip bomb
 *                             (Tika {@code SecureContentHandler})
 * @param maxXmlDepth          deepest XHTML element nesting accepted
 * @param ocrMaxPages          pages of a scanned PDF sent to OCR
 * @param ocrDpi               rendering resolution of scanned pages for OCR
 * @param ocrMaxPixels         larger images are refused before decoding (decompression bombs)
 */
public record ExtractionLimits(Duration timePerFile, int maxCharacters, long maxFileBytes, int maxNestingDepth,
        long maxCompressionRatio, int maxXmlDepth, int ocrMaxPages, int ocrDpi, long ocrMaxPixels) {

    public ExtractionLimits {
        Objects.requireNonNull(timePerFile, "timePerFile");
        if (timePerFile.isNegative() || timePerFile.isZero()) {
            throw new IllegalArgumentException("timePerFile must be positive");
        }
        positive(maxCharacters, "maxCharacters");
        positive(maxFileBytes, "maxFileBytes");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxCompressionRatio, "maxCompressionRatio");
        positive(maxXmlDepth, "maxXmlDepth");
        positive(ocrMaxPages, "ocrMaxPages");
        positive(ocrDpi, "ocrDpi");
        positive(ocrMaxPixels, "ocrMaxPixels");
    }

    /** The shipped defaults; every one can be changed by configuration ({@code dms.indexing.*}). */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(Duration.ofSeconds(120), 1_000_000, 200L * 1024 * 1024, 5, 100, 200, 50, 300,
                60_000_000L);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

package vn.ccn.dms.document.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Detects the media type from the bytes with Tika's detector. The file name is only a hint: Tika lets it
 * refine a type the magic bytes already show (a ZIP that is a DOCX) and ignores it when the bytes say
 * something else, so an executable named {@code .pdf} is detected as an executable.
 *
 * <p>One shortcut: a file named {@code .pdf} whose first bytes are the PDF header {@code %PDF-} (ISO 32000-1, 7.5.2)
 * is a PDF without asking Tika, which would answer the same after trying every signature it knows (a seventh of
 * what receiving an upload cost the request thread, in the profile of the foundation benchmark). Any other name,
 * or any other first bytes, goes through Tika: the name may refine a PDF into something more specific (Tika takes
 * an {@code .ai} file that starts with {@code %PDF-} for Adobe Illustrator).
 */
public final class MediaTypeDetector {

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** @param in a stream supporting mark/reset; it is reset after detection */
    public String detect(InputStream in, String nameHint) throws IOException {
        if (nameHint != null && nameHint.toLowerCase(Locale.ROOT).endsWith(".pdf") && startsWith(in, PDF_HEADER)) {
            return "application/pdf";
        }
        Metadata metadata = new Metadata();
        if (nameHint != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
        }
        MediaType type = detector.detect(in, metadata);
        return type.getBaseType().toString();
    }

    private static boolean startsWith(InputStream in, byte[] prefix) throws IOException {
        in.mark(prefix.length);
        try {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        } finally {
            in.reset();
        }
    }
}

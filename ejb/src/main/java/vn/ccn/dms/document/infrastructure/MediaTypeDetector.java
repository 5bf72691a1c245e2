package vn.ccn.dms.document.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Detects the media type from the bytes with Tika's detector. The file name is only a hint: Tika lets it
 * refine a type the magic bytes already show (a ZIP that is a DOCX) and ignores it when the bytes say
 * something else, so an executable named {@code .pdf} is detected as an executable.
 */
public final class MediaTypeDetector {

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** @param in a stream supporting mark/reset; it is reset after detection */
    public String detect(InputStream in, String nameHint) throws IOException {
        Metadata metadata = new Metadata();
        if (nameHint != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
        }
        MediaType type = detector.detect(in, metadata);
        return type.getBaseType().toString();
    }
}

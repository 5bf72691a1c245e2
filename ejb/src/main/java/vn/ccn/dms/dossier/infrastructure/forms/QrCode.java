package vn.ccn.dms.dossier.infrastructure.forms;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code (ISO/IEC 18004) of a short text, drawn as filled squares, so it stays sharp at any zoom and
 * printer resolution and needs no raster image. Error correction level M (about 15 % of the symbol may be
 * damaged), which suits a slip that is folded and carried.
 */
final class QrCode {

    /** ISO/IEC 18004:2015 section 9.1: a quiet zone of four modules on every side. */
    static final int QUIET_ZONE = 4;

    private final ByteMatrix modules;

    private QrCode(ByteMatrix modules) {
        this.modules = modules;
    }

    /** The symbol of {@code text}, or empty when the text is blank or longer than a QR code can hold. */
    static Optional<QrCode> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QrCode(Encoder.encode(text.strip(), ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getMatrix()));
        } catch (WriterException | IllegalArgumentException tooLong) {
            return Optional.empty();
        }
    }

    /**
     * Draws the symbol with its quiet zone in the square of side {@code size} whose top left corner is at
     * ({@code x}, {@code top}). Adjacent dark modules of a row are merged into one rectangle.
     */
    void draw(PDPageContentStream content, float x, float top, float size) throws IOException {
        int width = modules.getWidth();
        float module = size / (width + 2 * QUIET_ZONE);
        float left = x + QUIET_ZONE * module;
        float upper = top - QUIET_ZONE * module;
        content.setNonStrokingColor(0f);
        for (int row = 0; row < modules.getHeight(); row++) {
            int column = 0;
            while (column < width) {
                if (modules.get(column, row) != 1) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < width && modules.get(column, row) == 1) {
                    column++;
                }
                content.addRect(left + start * module, upper - (row + 1) * module, (column - start) * module,
                        module);
            }
        }
        content.fill();
    }
}

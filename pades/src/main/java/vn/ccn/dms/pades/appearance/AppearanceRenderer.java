package vn.ccn.dms.pades.appearance;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Draws appearance streams (form XObjects) for signature widgets and filled text fields. Fonts are loaded
 * per document as subsets, so only the glyphs used are embedded.
 */
public final class AppearanceRenderer {

    private static final String SERIF = "fonts/LiberationSerif-Regular.ttf";
    private static final String SERIF_BOLD = "fonts/LiberationSerif-Bold.ttf";
    private static final DateTimeFormatter VIETNAMESE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss XXX");

    private final PDDocument document;
    private PDFont regular;
    private PDFont bold;

    public AppearanceRenderer(PDDocument document) {
        this.document = Objects.requireNonNull(document, "document");
    }

    /** The appearance of a signature widget of the given size; the time is the one written to /M. */
    public PDAppearanceStream render(SignatureAppearance appearance, float width, float height, ZonedDateTime signingTime)
            throws IOException {
        PDAppearanceStream stream = newStream(width, height);
        try (PDPageContentStream cs = new PDPageContentStream(document, stream)) {
            if (appearance instanceof LeaderSignatureAppearance leader) {
                drawLeader(cs, leader, width, height, signingTime);
            } else if (appearance instanceof OrganisationSealAppearance seal) {
                PDImageXObject image = ReusableResources.image(document, seal.sealImagePng(), "seal.png");
                drawFitted(cs, image, 0, 0, width, height);
            } else if (appearance instanceof AttachmentStampAppearance stamp) {
                drawAttachmentStamp(cs, stamp, width, height, signingTime);
            } else if (appearance instanceof CopyStampAppearance copy) {
                drawCopyStamp(cs, copy, width, height, signingTime);
            }
        }
        return stream;
    }

    /** An empty appearance, for invisible signatures (ISO 32000-1 §12.7.4.5). */
    public PDAppearanceStream empty() throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle());
        stream.setResources(new PDResources());
        return stream;
    }

    /** The appearance of a filled single-line text field: the value left-aligned and vertically centred. */
    public PDAppearanceStream renderTextField(String value, float width, float height, float fontSize) throws IOException {
        PDAppearanceStream stream = newStream(width, height);
        PDFont font = regular();
        try (PDPageContentStream cs = new PDPageContentStream(document, stream)) {
            // ISO 32000-1 §12.7.3.3: variable text is drawn inside a /Tx marked-content sequence.
            cs.beginMarkedContent(org.apache.pdfbox.cos.COSName.TX);
            float size = fitSize(font, value, fontSize, width - 2);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(1, (height - size * 0.75f) / 2f);
            cs.showText(value);
            cs.endText();
            cs.endMarkedContent();
        }
        return stream;
    }

    private PDAppearanceStream newStream(float width, float height) {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(width, height));
        stream.setResources(new PDResources());
        return stream;
    }

    private void drawLeader(PDPageContentStream cs, LeaderSignatureAppearance leader, float width, float height,
            ZonedDateTime signingTime) throws IOException {
        float y = height;
        for (String line : leader.positionLines()) {
            y -= LeaderSignatureAppearance.TITLE_SIZE * LeaderSignatureAppearance.LEADING;
            centred(cs, bold(), LeaderSignatureAppearance.TITLE_SIZE, line, width, y + 2);
        }
        PageRect box = leader.imageArea();
        float boxY = box.y() - leader.area().y();
        PDImageXObject image = ReusableResources.image(document, leader.signatureImagePng(), "signature.png");
        drawFitted(cs, image, 0, boxY, width, box.height());
        float bottom = leader.bottomTextHeight();
        float yb = bottom;
        if (!leader.signerName().isBlank()) {
            yb -= LeaderSignatureAppearance.NAME_SIZE * LeaderSignatureAppearance.LEADING;
            centred(cs, bold(), LeaderSignatureAppearance.NAME_SIZE, leader.signerName(), width, yb + 2);
        }
        if (leader.showSigningTime()) {
            yb -= LeaderSignatureAppearance.TIME_SIZE * LeaderSignatureAppearance.LEADING;
            centred(cs, regular(), LeaderSignatureAppearance.TIME_SIZE, "Ký ngày: " + VIETNAMESE_TIME.format(signingTime), width,
                    yb + 1);
        }
    }

    private void drawAttachmentStamp(PDPageContentStream cs, AttachmentStampAppearance stamp, float width, float height,
            ZonedDateTime signingTime) throws IOException {
        float size = AttachmentStampAppearance.FONT_SIZE;
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(signingTime.withNano(0));
        PDFont font = regular();
        float line = size * 1.2f;
        float top = height - line;
        right(cs, font, fitSize(font, stamp.numberAndSymbol(), size, width), stamp.numberAndSymbol(), width, top + 2);
        right(cs, font, fitSize(font, time, size, width), time, width, top - line + 2);
    }

    private void drawCopyStamp(PDPageContentStream cs, CopyStampAppearance copy, float width, float height,
            ZonedDateTime signingTime) throws IOException {
        float size = CopyStampAppearance.FONT_SIZE;
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(signingTime.withNano(0));
        String[] lines = {copy.form(), copy.organisation(), "Số: " + copy.copyNumberAndSymbol(), time};
        float line = size * 1.2f;
        float y = height - line;
        for (int i = 0; i < lines.length; i++) {
            PDFont font = i == 0 ? bold() : regular();
            right(cs, font, fitSize(font, lines[i], size, width), lines[i], width, y + 2);
            y -= line;
        }
    }

    private static void drawFitted(PDPageContentStream cs, PDImageXObject image, float x, float y, float w, float h)
            throws IOException {
        float scale = Math.min(w / image.getWidth(), h / image.getHeight());
        float iw = image.getWidth() * scale;
        float ih = image.getHeight() * scale;
        cs.drawImage(image, x + (w - iw) / 2f, y + (h - ih) / 2f, iw, ih);
    }

    private static void centred(PDPageContentStream cs, PDFont font, float size, String text, float width, float y)
            throws IOException {
        float s = fitSize(font, text, size, width);
        float w = font.getStringWidth(text) / 1000f * s;
        cs.beginText();
        cs.setFont(font, s);
        cs.newLineAtOffset(Math.max(0, (width - w) / 2f), y);
        cs.showText(text);
        cs.endText();
    }

    private static void right(PDPageContentStream cs, PDFont font, float size, String text, float width, float y)
            throws IOException {
        float w = font.getStringWidth(text) / 1000f * size;
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(Math.max(0, width - w - 1), y);
        cs.showText(text);
        cs.endText();
    }

    /** Shrinks the font when the text would overflow the box, rather than clipping it. */
    private static float fitSize(PDFont font, String text, float size, float width) throws IOException {
        float w = font.getStringWidth(text) / 1000f * size;
        return w <= width || w == 0 ? size : size * width / w;
    }

    private PDFont regular() throws IOException {
        if (regular == null) {
            regular = load(SERIF);
        }
        return regular;
    }

    private PDFont bold() throws IOException {
        if (bold == null) {
            bold = load(SERIF_BOLD);
        }
        return bold;
    }

    private PDFont load(String resource) throws IOException {
        // Embedded as a subset of the glyphs this document uses; the parsed font is reused across documents.
        return PDType0Font.load(document, ReusableResources.font(resource), true);
    }
}

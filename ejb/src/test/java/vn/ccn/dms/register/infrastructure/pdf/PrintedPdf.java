package vn.ccn.dms.register.infrastructure.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A printed PDF re-opened with PDFBox, read back the way a person or an indexer would meet it: text in
 * content order per page, each glyph with its position, the fonts and the page sizes.
 */
final class PrintedPdf {

    /** One glyph as PDFBox extracted it; y grows downwards from the top of the page. */
    record Glyph(int page, String unicode, float x, float y, float width, float height) {

        float right() {
            return x + width;
        }
    }

    /** A font used on a page. */
    record UsedFont(int page, PDFont font) {
    }

    private final List<String> pageTexts = new ArrayList<>();
    private final List<Glyph> glyphs = new ArrayList<>();
    private final List<PDRectangle> mediaBoxes = new ArrayList<>();
    private final List<Integer> rotations = new ArrayList<>();
    private final List<UsedFont> fonts = new ArrayList<>();

    PrintedPdf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                PDPage page = document.getPage(i - 1);
                mediaBoxes.add(page.getMediaBox());
                rotations.add(page.getRotation());
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(new UsedFont(i, page.getResources().getFont(name)));
                }
                GlyphCollector collector = new GlyphCollector(i);
                collector.setStartPage(i);
                collector.setEndPage(i);
                // Content order, not position order: each cell's lines come out together, so a wrapped
                // value reads back as one run of words.
                collector.setSortByPosition(false);
                pageTexts.add(collector.getText(document));
            }
        }
    }

    int pageCount() {
        return pageTexts.size();
    }

    /** The text of page {@code number} (1-based) with every run of white space made one space. */
    String pageText(int number) {
        return flatten(pageTexts.get(number - 1));
    }

    /** The text of all pages, white space flattened, pages joined by one space. */
    String text() {
        return flatten(String.join(" ", pageTexts));
    }

    List<Glyph> glyphs() {
        return glyphs;
    }

    List<PDRectangle> mediaBoxes() {
        return mediaBoxes;
    }

    List<Integer> rotations() {
        return rotations;
    }

    List<UsedFont> fonts() {
        return fonts;
    }

    static String flatten(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private final class GlyphCollector extends PDFTextStripper {

        private final int page;

        GlyphCollector(int page) {
            this.page = page;
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            super.processTextPosition(text);
            glyphs.add(new Glyph(page, text.getUnicode(), text.getXDirAdj(), text.getYDirAdj(),
                    text.getWidthDirAdj(), text.getHeightDir()));
        }
    }
}

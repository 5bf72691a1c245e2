package vn.ccn.dms.register.infrastructure.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class TrueTypeTablesTest {

    @Test
    void hidingGsubLeavesEveryOtherTableAndAllGlyphsAsTheyWere() throws IOException {
        byte[] original = font("/fonts/LiberationSerif-Regular.ttf");
        assertTrue(TrueTypeTables.has(original, "GSUB"), "the shipped font has a GSUB table");

        byte[] hidden = TrueTypeTables.hide(original, "GSUB", "xSUB");

        assertFalse(TrueTypeTables.has(hidden, "GSUB"));
        assertTrue(TrueTypeTables.has(hidden, "xSUB"));
        assertEquals(original.length, hidden.length);
        try (TrueTypeFont before = parse(original); TrueTypeFont after = parse(hidden)) {
            assertTrue(before.getGsubData() != GsubData.NO_DATA_FOUND);
            assertEquals(GsubData.NO_DATA_FOUND, after.getGsubData(), "PDFBox sees no substitutions");
            Set<String> expected = new TreeSet<>(before.getTableMap().keySet());
            expected.remove("GSUB");
            expected.add("xSUB");
            assertEquals(expected, new TreeSet<>(after.getTableMap().keySet()));
            assertEquals(before.getNumberOfGlyphs(), after.getNumberOfGlyphs());
            for (int codePoint : "Ủy ban nhân dân tỉnh Lạng Sơn: Đề án Hữu Lũng, thẩm định, phối hợp".codePoints().toArray()) {
                int glyph = before.getUnicodeCmapLookup().getGlyphId(codePoint);
                assertTrue(glyph > 0, "glyph for U+" + Integer.toHexString(codePoint));
                assertEquals(glyph, after.getUnicodeCmapLookup().getGlyphId(codePoint));
                assertEquals(before.getAdvanceWidth(glyph), after.getAdvanceWidth(glyph));
            }
        }
        assertArrayEquals(original, font("/fonts/LiberationSerif-Regular.ttf"), "the input is not modified");
    }

    @Test
    void absentTablesAndMalformedInputAreHandled() throws IOException {
        byte[] original = font("/fonts/LiberationSerif-Bold.ttf");
        assertArrayEquals(original, TrueTypeTables.hide(original, "COLR", "xOLR"));
        assertThrows(IllegalArgumentException.class, () -> TrueTypeTables.hide(new byte[8], "GSUB", "xSUB"));
        assertThrows(IllegalArgumentException.class, () -> TrueTypeTables.hide(original, "GSUB", "x"));
    }

    private static byte[] font(String resource) throws IOException {
        try (InputStream in = TrueTypeTablesTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }
}

package vn.ccn.dms.register.infrastructure.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A font of one document with what it takes to set user text in it safely: cleaning the text to what
 * the font can show, measuring, and breaking it into lines that fit a width.
 *
 * <p>Text is normalised to NFC first, because PDFBox draws glyphs one by one without OpenType
 * positioning: a decomposed "ữ" (u + horn + tilde) would stack its marks badly, whereas the precomposed
 * code point has a designed glyph. Characters the font has no glyph for become "?" instead of failing
 * the whole printout. One instance belongs to one document and one thread.
 */
public final class FittedFont {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int REPLACEMENT = '?';
    private static final String BREAK_AFTER = "/-_.,;:)]";
    private static final float NO_GLYPH = Float.NaN;

    private final PDFont font;
    private final Map<Integer, Float> advances = new HashMap<>();

    public FittedFont(PDFont font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    public PDFont font() {
        return font;
    }

    /** Ascent above the baseline, in points, at {@code size}. */
    public float ascent(float size) {
        return font.getFontDescriptor().getAscent() / 1000f * size;
    }

    /** Depth below the baseline, in points (positive), at {@code size}. */
    public float descent(float size) {
        return -font.getFontDescriptor().getDescent() / 1000f * size;
    }

    /**
     * Cleans {@code raw} for this font: NFC, line breaks kept as {@code '\n'}, other control and
     * whitespace characters as one space, characters without a glyph as {@code '?'}.
     */
    public String printable(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT) {
                // zero-width joiners, soft hyphens, direction marks: invisible in print, dropped.
            } else if (advance(cp) == null) {
                out.appendCodePoint(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Width in points of already {@link #printable} text at {@code size}. */
    public float width(String printable, float size) {
        float units = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            Float advance = advance(cp);
            units += advance == null ? 0 : advance;
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    /**
     * Breaks {@code raw} into lines no wider than {@code maxWidth}: at spaces where possible, after
     * punctuation such as "/" or "-" inside a word that is too long, and between characters as a last
     * resort, never inside a character. Hard line breaks are kept; runs of spaces collapse to one.
     * Empty text gives no lines.
     */
    public List<String> wrap(String raw, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String text = printable(raw).strip();
        if (text.isEmpty()) {
            return lines;
        }
        float space = width(" ", size);
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraph.trim().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = width(word, size);
                if (line.length() > 0 && lineWidth + space + wordWidth <= maxWidth) {
                    line.append(' ').append(word);
                    lineWidth += space + wordWidth;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > maxWidth) {
                    int cut = breakPoint(rest, size, maxWidth);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
                lineWidth = width(rest, size);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * One line of {@code raw} no wider than {@code maxWidth}, cut with an ellipsis when it is longer;
     * line breaks become spaces.
     */
    public String ellipsize(String raw, float size, float maxWidth) {
        String text = printable(raw).replace('\n', ' ').replaceAll(" +", " ").strip();
        if (width(text, size) <= maxWidth) {
            return text;
        }
        String ellipsis = advance('…') != null ? "…" : "...";
        float room = maxWidth - width(ellipsis, size);
        BreakIterator characters = BreakIterator.getCharacterInstance(VIETNAMESE);
        characters.setText(text);
        int end = 0;
        for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
            if (width(text.substring(0, next), size) > room) {
                break;
            }
            end = next;
        }
        return text.substring(0, end).stripTrailing() + ellipsis;
    }

    /** Where to cut a word wider than {@code maxWidth}: always at least one character in. */
    private int breakPoint(String word, float size, float maxWidth) {
        BreakIterator characters = BreakIterator.getCharacterInstance(VIETNAMESE);
        characters.setText(word);
        int lastFitting = characters.next();
        int lastPunctuation = -1;
        for (int next = lastFitting; next != BreakIterator.DONE && next < word.length(); next = characters.next()) {
            if (width(word.substring(0, next), size) > maxWidth) {
                break;
            }
            lastFitting = next;
            if (BREAK_AFTER.indexOf(word.charAt(next - 1)) >= 0) {
                lastPunctuation = next;
            }
        }
        return lastPunctuation > 0 ? lastPunctuation : lastFitting;
    }

    /** Advance width in glyph units (1/1000 em), or {@code null} when the font has no glyph. */
    private Float advance(int codePoint) {
        float advance = advances.computeIfAbsent(codePoint, cp -> {
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                return font.getStringWidth(s);
            } catch (IllegalArgumentException noGlyph) {
                return NO_GLYPH;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Float.isNaN(advance) ? null : advance;
    }
}

package vn.ccn.dms.register.infrastructure.pdf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and hides tables in the table directory of a TrueType font held in memory (OpenType spec,
 * "Organization of an OpenType Font": a 12-byte header with the table count at offset 4, then 16-byte
 * records of tag, checksum, offset and length).
 */
public final class TrueTypeTables {

    private static final int COUNT_OFFSET = 4;
    private static final int FIRST_RECORD = 12;
    private static final int RECORD_SIZE = 16;

    private TrueTypeTables() {
    }

    /** Whether the font's table directory lists {@code tag}. */
    public static boolean has(byte[] font, String tag) {
        return find(font, tag) >= 0;
    }

    /**
     * A copy of {@code font} in which the table {@code tag} is no longer listed under its name: the
     * directory record is renamed to {@code hiddenTag}, the table bytes stay where they are, so every other
     * offset keeps its meaning. Returns an unchanged copy when the table is absent.
     */
    public static byte[] hide(byte[] font, String tag, String hiddenTag) {
        byte[] copy = Arrays.copyOf(font, font.length);
        int record = find(copy, tag);
        if (record >= 0) {
            byte[] hidden = tagBytes(hiddenTag);
            System.arraycopy(hidden, 0, copy, record, hidden.length);
        }
        return copy;
    }

    private static int find(byte[] font, String tag) {
        byte[] wanted = tagBytes(tag);
        ByteBuffer buffer = ByteBuffer.wrap(font);
        if (font.length < FIRST_RECORD) {
            throw new IllegalArgumentException("not a TrueType font: " + font.length + " bytes");
        }
        int tables = Short.toUnsignedInt(buffer.getShort(COUNT_OFFSET));
        if (font.length < FIRST_RECORD + tables * RECORD_SIZE) {
            throw new IllegalArgumentException("truncated TrueType table directory");
        }
        for (int i = 0; i < tables; i++) {
            int record = FIRST_RECORD + i * RECORD_SIZE;
            if (Arrays.equals(font, record, record + 4, wanted, 0, 4)) {
                return record;
            }
        }
        return -1;
    }

    private static byte[] tagBytes(String tag) {
        byte[] bytes = tag.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 4) {
            throw new IllegalArgumentException("a table tag has four characters: '" + tag + "'");
        }
        return bytes;
    }
}

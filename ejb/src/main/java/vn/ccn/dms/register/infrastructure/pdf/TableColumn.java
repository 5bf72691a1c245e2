package vn.ccn.dms.register.infrastructure.pdf;

import java.util.Objects;

/**
 * One column of a printed register table.
 *
 * @param header the caption, as in the paper form
 * @param width  width in points, or {@link #REMAINING} for the one column that takes what the others leave
 * @param align  horizontal alignment of the body cells
 */
public record TableColumn(String header, float width, Align align) {

    /** Marks the column that absorbs the width left over by the fixed columns. */
    public static final float REMAINING = -1f;

    public enum Align { LEFT, CENTER }

    public TableColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(align, "align");
        if (width != REMAINING && width <= 0) {
            throw new IllegalArgumentException("width must be positive, was " + width);
        }
    }

    public static TableColumn fixed(String header, float width, Align align) {
        return new TableColumn(header, width, align);
    }

    public static TableColumn remaining(String header) {
        return new TableColumn(header, REMAINING, Align.LEFT);
    }
}

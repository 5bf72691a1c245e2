package vn.ccn.dms.pades.appearance;

/**
 * A rectangle on a page, in PDF points (1/72 inch) from the lower-left corner of the page's media box.
 *
 * @param pageNumber 1 for the first page
 */
public record PageRect(int pageNumber, float x, float y, float width, float height) {

    /** Points per millimetre. */
    public static final float MM = 72f / 25.4f;

    public PageRect {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("pageNumber starts at 1: " + pageNumber);
        }
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("empty rectangle " + width + "x" + height);
        }
    }

    public static PageRect ofMillimetres(int pageNumber, float x, float y, float width, float height) {
        return new PageRect(pageNumber, x * MM, y * MM, width * MM, height * MM);
    }

    public float right() {
        return x + width;
    }

    public float top() {
        return y + height;
    }
}

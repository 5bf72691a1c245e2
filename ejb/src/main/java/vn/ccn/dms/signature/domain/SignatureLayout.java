package vn.ccn.dms.signature.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the leader's signature block, the number/symbol and the date of issue go on the draft, in PDF points
 * from the lower-left corner of the page. The drafter knows the layout of the draft and may give it on
 * submission; what is left out takes the Decree 30/2020 Appendix I positions on an A4 page: number and date on
 * page 1 under the headings (left: "Số:", right: place and date), the signature block at the right of the
 * last page. Page 0 means the last page.
 */
public record SignatureLayout(Box signatureBlock, Box numberField, Box dateField) {

    /** A rectangle; {@code page} 1 is the first page and 0 the last. */
    public record Box(int page, float x, float y, float width, float height) {
        public Box {
            if (page < 0 || !(width > 0) || !(height > 0) || x < 0 || y < 0) {
                throw new IllegalArgumentException("invalid box " + page + " " + x + " " + y + " " + width + "x" + height);
            }
        }

        String format() {
            return String.format(Locale.ROOT, "%d:%.1f:%.1f:%.1f:%.1f", page, x, y, width, height);
        }

        static Box parse(String s) {
            String[] p = s.split(":");
            if (p.length != 5) {
                throw new IllegalArgumentException("box needs page:x:y:width:height, was " + s);
            }
            return new Box(Integer.parseInt(p[0]), Float.parseFloat(p[1]), Float.parseFloat(p[2]), Float.parseFloat(p[3]),
                    Float.parseFloat(p[4]));
        }
    }

    /** Right half of the last page, above the bottom margin: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", image, name. */
    public static final Box DEFAULT_SIGNATURE_BLOCK = new Box(0, 323, 110, 200, 130);
    /** After "Số:" under the agency's name, page 1 (A4, 20 mm top margin, two heading lines). */
    public static final Box DEFAULT_NUMBER_FIELD = new Box(1, 85, 712, 170, 16);
    /** Under the national motto, page 1: "Lạng Sơn, ngày 05 tháng 3 năm 2026". */
    public static final Box DEFAULT_DATE_FIELD = new Box(1, 300, 712, 250, 16);

    public SignatureLayout {
        signatureBlock = signatureBlock == null ? DEFAULT_SIGNATURE_BLOCK : signatureBlock;
        numberField = numberField == null ? DEFAULT_NUMBER_FIELD : numberField;
        dateField = dateField == null ? DEFAULT_DATE_FIELD : dateField;
    }

    /** Whether a box is on "the last page", which depends on the PDF. */
    public boolean usesLastPage() {
        return signatureBlock.page() == 0 || numberField.page() == 0 || dateField.page() == 0;
    }

    /** The same layout with "the last page" made page {@code pages}. */
    public SignatureLayout withLastPage(int pages) {
        return new SignatureLayout(onPage(signatureBlock, pages), onPage(numberField, pages), onPage(dateField, pages));
    }

    private static Box onPage(Box b, int pages) {
        return b.page() != 0 ? b : new Box(pages, b.x(), b.y(), b.width(), b.height());
    }

    public static SignatureLayout defaults() {
        return new SignatureLayout(null, null, null);
    }

    public String format() {
        return "block=" + signatureBlock.format() + ";number=" + numberField.format() + ";date=" + dateField.format();
    }

    public static SignatureLayout parse(String text) {
        Objects.requireNonNull(text, "text");
        Box block = null;
        Box number = null;
        Box date = null;
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            switch (kv[0]) {
                case "block" -> block = Box.parse(kv[1]);
                case "number" -> number = Box.parse(kv[1]);
                case "date" -> date = Box.parse(kv[1]);
                default -> throw new IllegalArgumentException("unknown layout part " + kv[0]);
            }
        }
        return new SignatureLayout(block, number, date);
    }
}

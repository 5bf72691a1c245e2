package vn.ccn.dms.document.application;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Checks a received file name: no path separators, no control characters, no reserved names, at most 255
 * characters. A name is kept as received (NFC) for display and download; it never becomes a path.
 */
public final class FileNames {

    private FileNames() {
    }

    /** @return the reason in Vietnamese, or empty when the name is acceptable */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Tên tệp không được để trống");
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        if (n.length() > 255) {
            return Optional.of("Tên tệp dài quá 255 ký tự");
        }
        if (n.contains("/") || n.contains("\\")) {
            return Optional.of("Tên tệp không được chứa dấu phân cách thư mục (/ hoặc \\)");
        }
        if (n.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x7F || c == 0x2028 || c == 0x2029)) {
            return Optional.of("Tên tệp chứa ký tự điều khiển");
        }
        if (n.equals(".") || n.equals("..") || n.trim().isEmpty()) {
            return Optional.of("Tên tệp không hợp lệ");
        }
        return Optional.empty();
    }

    public static String normalize(String name) {
        return Normalizer.normalize(name.trim(), Normalizer.Form.NFC);
    }
}

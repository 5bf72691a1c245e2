package vn.ccn.dms.directory.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The 13-character electronic identifier of an agency (mã định danh điện tử), e.g. {@code 000.00.00.H37},
 * as Decision 20/2020/QĐ-TTg shapes it: three groups of digits or letters separated by dots and a final
 * group of three.
 */
public record AgencyCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{3}\\.[A-Z0-9]{2}\\.[A-Z0-9]{2}\\.[A-Z0-9]{3}");

    public AgencyCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Mã định danh cơ quan phải có dạng 000.00.00.H37 (13 ký tự): " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

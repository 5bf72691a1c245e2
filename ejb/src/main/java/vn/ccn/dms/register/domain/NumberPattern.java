package vn.ccn.dms.register.domain;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a number and symbol are written, e.g. {@code {number}/{year}/{type}-{agency}} gives
 * {@code 09/2025/QĐ-UBND}, {@code {number}/{type}-{agency}} gives {@code 89/TTr-SCT} and
 * {@code {number}/{agency}-{unit}} gives {@code 05/SCT-QLCN} (Decree 30/2020 Art. 8 and Appendix I:
 * numbers below 10 are written with a leading zero). Patterns are data kept per register and type.
 */
public record NumberPattern(String value) {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}");
    private static final Set<String> TOKENS = Set.of("number", "year", "type", "agency", "unit");

    public NumberPattern {
        Objects.requireNonNull(value, "value");
        if (!value.contains("{number}")) {
            throw new IllegalArgumentException("a number pattern must contain {number}: " + value);
        }
        Matcher m = TOKEN.matcher(value);
        while (m.find()) {
            if (!TOKENS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown token {" + m.group(1) + "} in " + value);
            }
        }
    }

    /** The values a pattern is filled with; {@code unit} is the drafting unit (e.g. QLCN), needed by some patterns. */
    public record Values(int number, int year, String type, String agency, String unit) {
    }

    public boolean needsUnit() {
        return value.contains("{unit}");
    }

    /** The full number/symbol, e.g. {@code 09/2025/QĐ-UBND}. */
    public String format(Values v) {
        if (v.number() < 1) {
            throw new IllegalArgumentException("numbers start at 1");
        }
        if (needsUnit() && (v.unit() == null || v.unit().isBlank())) {
            throw new IllegalArgumentException("pattern " + value + " needs a unit");
        }
        String number = v.number() < 10 ? "0" + v.number() : Integer.toString(v.number());
        return value.replace("{number}", number)
                .replace("{year}", Integer.toString(v.year()))
                .replace("{type}", nullToEmpty(v.type()))
                .replace("{agency}", nullToEmpty(v.agency()))
                .replace("{unit}", nullToEmpty(v.unit() == null ? null : v.unit().trim()));
    }

    /** The symbol part after the number, e.g. {@code QĐ-UBND} of {@code 09/2025/QĐ-UBND}. */
    public String symbol(Values v) {
        String full = format(v);
        int lastSlash = full.lastIndexOf('/');
        return lastSlash < 0 ? full : full.substring(lastSlash + 1);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package vn.ccn.dms.document.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Comparison form of a number/symbol such as {@code 09/2025/QĐ-UBND}: no spaces, no leading zeros, upper case. */
public final class NumberSymbols {

    private NumberSymbols() {
    }

    /**
     * {@code " 9 / 2025 / qđ-ubnd"} and {@code "09/2025/QĐ-UBND"} compare equal; Đ stays Đ because
     * "QĐ" and "QD" are different symbols on paper.
     */
    public static String normalize(String numberSymbol) {
        if (numberSymbol == null) {
            return null;
        }
        String s = Normalizer.normalize(numberSymbol, Normalizer.Form.NFC).replaceAll("\\s+", "")
                .toUpperCase(Locale.ROOT);
        return s.replaceFirst("^0+(?=\\d)", "");
    }

    public static String normalizeIssuer(String issuer) {
        return issuer == null ? null
                : Normalizer.normalize(issuer, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

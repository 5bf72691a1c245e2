package vn.ccn.dms.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number and symbol (số, ký hiệu, Decree 30/2020/NĐ-CP Appendix I) handling shared by indexing and
 * searching: a number/symbol is compared without whitespace, case or diacritics, so
 * {@code " 09 / 2025 / qđ-ubnd "} finds {@code 09/2025/QĐ-UBND}. Case and diacritics are folded by the
 * index's keyword normalizer; whitespace is removed here, since a normalizer cannot delete characters
 * without the pattern-replace filter, which the embedded node lacks.
 */
public final class NumberSymbols {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACED_SEPARATOR = Pattern.compile("\\s*([/.\\-])\\s*");

    /**
     * Looks like a number/symbol: groups of letters or digits joined by {@code /}, {@code -} or {@code .},
     * at least one digit and at least one separator, for example {@code 09/2025/QĐ-UBND} or {@code 123/QĐ-UBND}.
     */
    private static final Pattern NUMBER_SYMBOL =
            Pattern.compile("[\\p{L}\\p{N}]+(?:[/.\\-][\\p{L}\\p{N}]+)+");

    /** A number/symbol inside longer text, separators possibly spaced: "quyết định 09 / 2025 / QĐ-UBND". */
    private static final Pattern EMBEDDED =
            Pattern.compile("[\\p{L}\\p{N}]+(?:\\s*[/.\\-]\\s*[\\p{L}\\p{N}]+)+");

    private NumberSymbols() {
    }

    /** Number/symbol candidates found in free text, normalized, in order of appearance, without duplicates. */
    public static List<String> findIn(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = EMBEDDED.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        while (matcher.find()) {
            if (looksLikeNumberSymbol(matcher.group())) {
                found.add(normalize(matcher.group()));
            }
        }
        return List.copyOf(found);
    }

    /** Unicode NFC without any whitespace; {@code null} stays {@code null}. */
    public static String normalize(String numberSymbol) {
        if (numberSymbol == null) {
            return null;
        }
        return WHITESPACE.matcher(Normalizer.normalize(numberSymbol, Normalizer.Form.NFC)).replaceAll("");
    }

    /** Whether free text typed by a user should also be looked up as a number/symbol. */
    public static boolean looksLikeNumberSymbol(String text) {
        if (text == null) {
            return false;
        }
        // Spaces may surround separators ("09 / 2025"), but words apart are free text ("09/2025 quyết định").
        String compact = SPACED_SEPARATOR.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFC)).replaceAll("$1");
        return compact.length() <= 100
                && NUMBER_SYMBOL.matcher(compact).matches()
                && compact.chars().anyMatch(Character::isDigit);
    }
}

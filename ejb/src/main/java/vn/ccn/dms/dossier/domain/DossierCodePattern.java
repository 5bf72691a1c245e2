package vn.ccn.dms.dossier.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats dossier codes: the receiving agency's identifier, the receipt date and a daily sequence (BRIEF §7),
 * by a configurable pattern such as {@code {agency}-{yyMMdd}-{seq:4}} → {@code 000.00.12.H32-261124-0007}.
 * Tokens: {@code {agency}}, a date pattern of {@code y M d} letters in braces, {@code {seq:N}} (zero padded).
 */
public final class DossierCodePattern {

    /** What a code may look like at all: checked before any lookup of a code typed on the public page. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-/_]{2,47}");
    private static final Pattern TOKEN = Pattern.compile("\\{([^}]+)}");

    private final String pattern;

    public DossierCodePattern(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        if (!pattern.contains("{seq")) {
            throw new IllegalArgumentException("dossier code pattern needs a {seq:N} token: " + pattern);
        }
        format("000.00.00.A00", LocalDate.of(2025, 1, 1), 1); // fails early on a bad token
    }

    public String format(String agencyCode, LocalDate day, int seq) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value;
            if (token.equals("agency")) {
                value = agencyCode;
            } else if (token.startsWith("seq")) {
                int width = token.startsWith("seq:") ? Integer.parseInt(token.substring(4)) : 1;
                value = String.format("%0" + width + "d", seq);
            } else if (token.matches("[yMd]+")) {
                value = DateTimeFormatter.ofPattern(token).format(day);
            } else {
                throw new IllegalArgumentException("unknown token {" + token + "} in dossier code pattern " + pattern);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static boolean plausible(String code) {
        return code != null && PLAUSIBLE.matcher(code).matches();
    }
}

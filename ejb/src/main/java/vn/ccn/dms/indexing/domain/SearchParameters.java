package vn.ccn.dms.indexing.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A search as a user typed it in the page or the API ({@code q, type, issuer, year, agency, ccn, status, sort,
 * page, size}), validated, without the user's identity. It round-trips through its query-string form, which is
 * how saved searches keep it. Invalid input is an {@link IllegalArgumentException} with a Vietnamese message.
 */
public record SearchParameters(String text, Set<String> types, Set<String> issuers, Set<String> years,
        Set<String> agencies, Set<String> ccns, Set<String> statuses, Sort sort, int page, int size) {

    public static final int MAX_TEXT = 1_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    private static final int MAX_VALUES = 50;
    private static final int MAX_VALUE_LENGTH = 255;
    private static final List<String> KNOWN =
            List.of("q", "type", "issuer", "year", "agency", "ccn", "status", "sort", "page", "size");

    /** Order of results. */
    public enum Sort {
        RELEVANCE("relevance"), NEWEST("newest"), OLDEST("oldest");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Sort parse(String value, List<String> errors) {
            if (value == null || value.isBlank()) {
                return RELEVANCE;
            }
            for (Sort s : values()) {
                if (s.param.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            errors.add("sort: chỉ nhận relevance, newest hoặc oldest");
            return RELEVANCE;
        }
    }

    public SearchParameters {
        List<String> errors = new ArrayList<>();
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) {
            errors.add("q: chuỗi tìm kiếm dài " + text.length() + " ký tự, tối đa " + MAX_TEXT);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            errors.add("q: chuỗi tìm kiếm chứa ký tự điều khiển");
        }
        types = values("type", types, errors);
        issuers = values("issuer", issuers, errors);
        years = values("year", years, errors);
        for (String y : years) {
            if (!y.matches("\\d{4}")) {
                errors.add("year: năm phải có 4 chữ số, không phải '" + y + "'");
            }
        }
        agencies = values("agency", agencies, errors);
        ccns = values("ccn", ccns, errors);
        statuses = values("status", statuses, errors);
        Objects.requireNonNull(sort, "sort");
        if (page < 0 || page > 10_000) {
            errors.add("page: số trang phải từ 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add("size: số kết quả mỗi trang từ 1 đến " + MAX_SIZE);
        } else if (page >= 0 && (long) (page + 1) * size > 10_000) {
            errors.add("page: chỉ xem được 10000 kết quả đầu tiên; hãy thu hẹp điều kiện tìm kiếm");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSearchParameters(errors);
        }
    }

    private static Set<String> values(String name, Set<String> in, List<String> errors) {
        Set<String> out = new LinkedHashSet<>();
        if (in != null) {
            for (String v : in) {
                if (v != null && !v.isBlank()) {
                    String t = v.strip();
                    if (t.length() > MAX_VALUE_LENGTH || t.chars().anyMatch(Character::isISOControl)) {
                        errors.add(name + ": giá trị lọc không hợp lệ");
                        return Set.of();
                    }
                    out.add(t);
                }
            }
        }
        if (out.size() > MAX_VALUES) {
            errors.add(name + ": tối đa " + MAX_VALUES + " giá trị");
            return Set.of();
        }
        return Collections.unmodifiableSet(out); // in the order given, so that reasons read as the user typed
    }

    /**
     * Reads the parameters of a request. Unknown names are ignored (browsers and proxies add their own);
     * repeated names are alternatives of one filter.
     */
    public static SearchParameters from(Map<String, List<String>> params) {
        Objects.requireNonNull(params, "params");
        // Every parameter is read even after one was refused, so that the answer lists all that are wrong; a refused
        // one takes its default, and the record's own checks then add theirs.
        List<String> errors = new ArrayList<>();
        String text = single(params, "q", errors);
        Set<String> types = set(params, "type", true, errors);
        Set<String> issuers = set(params, "issuer", false, errors);
        Set<String> years = set(params, "year", true, errors);
        Set<String> agencies = set(params, "agency", true, errors);
        Set<String> ccns = set(params, "ccn", true, errors);
        Set<String> statuses = set(params, "status", true, errors);
        Sort sort = Sort.parse(single(params, "sort", errors), errors);
        int page = integer(params, "page", 0, errors);
        int size = integer(params, "size", DEFAULT_SIZE, errors);
        try {
            SearchParameters parameters = new SearchParameters(text, types, issuers, years, agencies, ccns, statuses, sort,
                    page, size);
            if (errors.isEmpty()) {
                return parameters;
            }
        } catch (InvalidSearchParameters e) {
            errors.addAll(e.errors());
        }
        throw new InvalidSearchParameters(order(errors));
    }

    /** The reasons in the order of {@link #KNOWN}, each once, so that an answer reads like the form. */
    private static List<String> order(List<String> errors) {
        List<String> ordered = new ArrayList<>();
        for (String name : KNOWN) {
            errors.stream().filter(e -> e.startsWith(name + ": ")).distinct().forEach(ordered::add);
        }
        return ordered;
    }

    /** Parses the query-string form written by {@link #toQueryString()}. */
    public static SearchParameters fromQueryString(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return from(params);
    }

    /** Query-string form with names in a fixed order, so equal searches give equal strings. */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "q", text.isEmpty() ? Set.of() : Set.of(text));
        add(parts, "type", types);
        add(parts, "issuer", issuers);
        add(parts, "year", years);
        add(parts, "agency", agencies);
        add(parts, "ccn", ccns);
        add(parts, "status", statuses);
        if (sort != Sort.RELEVANCE) {
            parts.add("sort=" + sort.param());
        }
        if (page != 0) {
            parts.add("page=" + page);
        }
        if (size != DEFAULT_SIZE) {
            parts.add("size=" + size);
        }
        return String.join("&", parts);
    }

    /** The same search at another page and size (exports walk the pages). */
    public SearchParameters atPage(int newPage, int newSize) {
        return new SearchParameters(text, types, issuers, years, agencies, ccns, statuses, sort, newPage, newSize);
    }

    /** Names this record reads from a request. */
    public static List<String> parameterNames() {
        return KNOWN;
    }

    private static void add(List<String> parts, String name, Set<String> values) {
        values.stream().sorted().forEach(v -> parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    }

    private static String single(Map<String, List<String>> params, String name, List<String> errors) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(name + ": chỉ được cho một giá trị");
            return null;
        }
        return values.get(0);
    }

    private static Set<String> set(Map<String, List<String>> params, String name, boolean commaSeparated,
            List<String> errors) {
        List<String> values = params.get(name);
        if (values == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            // "type=QĐ,TTr" and "type=QĐ&type=TTr" mean the same; issuer names may hold commas, so they are never split.
            if (v != null) {
                out.addAll(commaSeparated ? List.of(v.split(",")) : List.of(v));
            }
        }
        if (out.size() > MAX_VALUES) {
            errors.add(name + ": tối đa " + MAX_VALUES + " giá trị");
            return Set.of();
        }
        return out;
    }

    private static int integer(Map<String, List<String>> params, String name, int defaultValue, List<String> errors) {
        String raw = single(params, name, errors);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(name + ": phải là số nguyên");
            return defaultValue;
        }
    }
}

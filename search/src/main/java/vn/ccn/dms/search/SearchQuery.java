package vn.ccn.dms.search;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A search as a user asked it, with the principals the user acts as.
 *
 * <p>The text follows the simple query syntax: words (all must match when there are up to three, at least
 * three quarters of them beyond that), {@code "quoted phrases"}, {@code -word} to exclude and {@code |} for
 * either. Any other character is taken literally, so no input can make the query fail. Text with or without
 * Vietnamese diacritics matches the same documents; with diacritics, exact spellings rank first.
 *
 * @param text      the words typed; empty means every readable document (filters still apply)
 * @param readers   the principals of the user ({@code user:alice}, {@code agency:000.00.00.H37} ...);
 *                  mandatory: only documents listing one of them as reader are ever found, counted or quoted
 * @param filters   values allowed per facet field: any of the values of a field, and every field given
 * @param dateFrom  first date of issue included, or {@code null}
 * @param dateTo    last date of issue included, or {@code null}
 * @param sort      order of hits
 * @param page      zero-based page number
 * @param size      hits per page, 1..{@value #MAX_SIZE}
 * @param highlight whether to return snippets
 * @param facetSize values returned per facet field, 1..{@value #MAX_FACET_SIZE}
 */
public record SearchQuery(String text, Set<String> readers, Map<FacetField, Set<String>> filters, LocalDate dateFrom,
        LocalDate dateTo, SearchSort sort, int page, int size, boolean highlight, int facetSize) {

    /** Longest accepted query text; longer input is refused, never truncated silently. */
    public static final int MAX_TEXT_LENGTH = 1_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_FACET_SIZE = 100;
    public static final int DEFAULT_FACET_SIZE = 20;
    /** Deepest hit reachable by paging; Elasticsearch's default {@code index.max_result_window}. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    public SearchQuery {
        text = text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (text.length() > MAX_TEXT_LENGTH) {
            // Shown to the user as is (web layer maps IllegalArgumentException to 400).
            throw new IllegalArgumentException("Chuỗi tìm kiếm dài " + text.length()
                    + " ký tự, vượt quá giới hạn " + MAX_TEXT_LENGTH + " ký tự. Vui lòng rút gọn.");
        }
        Objects.requireNonNull(readers, "readers");
        readers = Set.copyOf(readers);
        if (readers.isEmpty() || readers.stream().anyMatch(String::isBlank)) {
            // Security trimming is not optional: an empty reader set would be a programming error.
            throw new IllegalArgumentException("readers must name at least one principal and none blank");
        }
        Objects.requireNonNull(filters, "filters");
        EnumMap<FacetField, Set<String>> copy = new EnumMap<>(FacetField.class);
        filters.forEach((field, values) -> {
            Objects.requireNonNull(field, "filter field");
            Set<String> set = Set.copyOf(values);
            if (field == FacetField.YEAR) {
                set.forEach(SearchQuery::requireYear);
            }
            if (!set.isEmpty()) {
                copy.put(field, set);
            }
        });
        filters = Map.copyOf(copy);
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw new IllegalArgumentException("Ngày bắt đầu " + dateFrom + " sau ngày kết thúc " + dateTo + ".");
        }
        Objects.requireNonNull(sort, "sort");
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", was " + size);
        }
        if ((long) (page + 1) * size > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("Chỉ xem được " + MAX_RESULT_WINDOW
                    + " kết quả đầu tiên; hãy thu hẹp điều kiện tìm kiếm.");
        }
        if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
            throw new IllegalArgumentException("facetSize must be 1.." + MAX_FACET_SIZE + ", was " + facetSize);
        }
    }

    private static void requireYear(String value) {
        try {
            int year = Integer.parseInt(value);
            if (year < 1000 || year > 9999) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Năm không hợp lệ: " + value);
        }
    }

    /** Starts a query for a user acting as the given principals (at least one). */
    public static Builder forReaders(Set<String> readers) {
        return new Builder(readers);
    }

    public static Builder forReaders(String... readers) {
        return new Builder(new LinkedHashSet<>(List.of(readers)));
    }

    public static final class Builder {
        private final Set<String> readers;
        private String text = "";
        private final Map<FacetField, Set<String>> filters = new EnumMap<>(FacetField.class);
        private LocalDate dateFrom;
        private LocalDate dateTo;
        private SearchSort sort = SearchSort.RELEVANCE;
        private int page;
        private int size = DEFAULT_SIZE;
        private boolean highlight = true;
        private int facetSize = DEFAULT_FACET_SIZE;

        private Builder(Set<String> readers) {
            this.readers = readers;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Adds allowed values for a field (values of one field are alternatives). */
        public Builder filter(FacetField field, String... values) {
            filters.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(List.of(values));
            return this;
        }

        public Builder dateBetween(LocalDate from, LocalDate to) {
            this.dateFrom = from;
            this.dateTo = to;
            return this;
        }

        public Builder sort(SearchSort sort) {
            this.sort = sort;
            return this;
        }

        public Builder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        public Builder highlight(boolean highlight) {
            this.highlight = highlight;
            return this;
        }

        public Builder facetSize(int facetSize) {
            this.facetSize = facetSize;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, readers, filters, dateFrom, dateTo, sort, page, size, highlight, facetSize);
        }
    }
}

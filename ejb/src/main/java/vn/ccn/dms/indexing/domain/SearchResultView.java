package vn.ccn.dms.indexing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of results as the API and the page show it: hits with highlighted snippets (HTML-escaped, matches in
 * {@code <mark>}), facet counts with labels, all computed from documents the user may read only.
 */
public record SearchResultView(String query, long total, int page, int size, List<Hit> hits,
        Map<String, List<Facet>> facets, long tookMs) {

    public record Hit(long id, String versionId, Double score, String numberSymbol, String typeName, String issuer,
            LocalDate date, String summary, Map<String, List<String>> highlights) {
    }

    public record Facet(String value, String label, long count) {
    }
}

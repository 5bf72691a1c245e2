package vn.ccn.dms.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a security-trimmed search.
 *
 * @param total  number of readable documents matching the query and filters (exact)
 * @param page   the zero-based page returned
 * @param size   the page size asked for
 * @param hits   the documents of this page
 * @param facets for each facet field, its values with counts, most frequent first; the counts of a field
 *               apply every filter except the one on that field itself, so a user can widen a choice
 * @param took   time the cluster spent
 */
public record SearchPage(long total, int page, int size, List<SearchHit> hits, Map<FacetField, List<FacetBucket>> facets,
        Duration took) {

    public SearchPage {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
        Objects.requireNonNull(took, "took");
    }
}

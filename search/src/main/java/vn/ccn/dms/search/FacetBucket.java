package vn.ccn.dms.search;

import java.util.Objects;

/** One value of a facet and how many readable documents match the query with it. */
public record FacetBucket(String value, long count) {

    public FacetBucket {
        Objects.requireNonNull(value, "value");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }
}

package vn.ccn.dms.search;

/** Order of search hits. Date orders break ties by relevance, then by id, so paging is stable. */
public enum SearchSort {
    RELEVANCE,
    DATE_NEWEST_FIRST,
    DATE_OLDEST_FIRST
}

package vn.ccn.dms.search;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Per-document outcome of a bulk index request, in the order the documents were given.
 *
 * @param items one result per document
 * @param took  time the cluster reported for the request
 */
public record BulkResult(List<BulkItemResult> items, Duration took) {

    public BulkResult {
        items = List.copyOf(items);
        Objects.requireNonNull(took, "took");
    }

    public boolean allIndexed() {
        return items.stream().allMatch(BulkItemResult::indexed);
    }

    public List<BulkItemResult> failures() {
        return items.stream().filter(item -> !item.indexed()).toList();
    }
}

package vn.ccn.dms.search;

import java.util.List;

/**
 * The full-text index of archived documents. One entry per document (its current version), keyed by the
 * document id; the database stays the source of truth and the index can always be rebuilt from it.
 *
 * <p>Writes go through an alias to the live index. A rebuild creates a fresh versioned index with
 * {@link #createNextIndex()}, fills it with {@link #bulkIndex(String, List)} while searches keep being
 * served from the live index, then {@link #switchAlias(String)} moves the alias in one atomic step.
 *
 * <p>Failures to reach the cluster surface as {@link SearchUnavailableException} (retry later); other
 * errors reported by the cluster as {@link SearchIndexException}. Invalid arguments are
 * {@link IllegalArgumentException}s thrown before anything is sent.
 */
public interface DocumentIndex {

    /**
     * Creates the first versioned index and points the alias at it, unless the alias already exists.
     * Safe to call on every start of every node.
     *
     * @return the concrete index the alias points at
     */
    String ensureIndex();

    /**
     * Adds or replaces the entries of the given documents in the live index (through the alias).
     * Idempotent: sending the same document twice leaves one identical entry. New entries become
     * searchable within the index refresh interval (one second), or at once after {@link #refresh()}.
     * A large batch is sent as several requests of a few megabytes; a document whose JSON would exceed
     * 64 MiB is refused alone as a permanent failure. If the cluster becomes unreachable part-way, the
     * call throws and the caller sends the whole batch again (indexing is idempotent).
     *
     * @return one result per input document, in input order
     */
    BulkResult bulkIndex(List<IndexedDocument> documents);

    /** As {@link #bulkIndex(List)}, into a named index (a rebuild target from {@link #createNextIndex()}). */
    BulkResult bulkIndex(String indexName, List<IndexedDocument> documents);

    /**
     * Removes the entry of a document from the live index.
     *
     * @return {@code true} if an entry was removed, {@code false} if there was none (deleting is idempotent)
     */
    boolean delete(String documentId);

    /** Runs a security-trimmed search: only documents readable by one of the query's readers are counted. */
    SearchPage search(SearchQuery query);

    /**
     * Creates an empty index with the current mapping and a fresh versioned name, not yet behind the
     * alias. Its refresh is switched off until {@link #switchAlias(String)}, which makes bulk loading faster.
     *
     * @return the new index's name, for example {@code dms-documents-v1-20250930t101500123}
     */
    String createNextIndex();

    /**
     * Points the alias at {@code newIndex} in one atomic alias update (searches never see a moment without
     * an index), after re-enabling its refresh and refreshing it; then deletes the indexes that the alias
     * pointed at before, and any abandoned rebuild targets of the same prefix.
     */
    void switchAlias(String newIndex);

    /**
     * Deletes a rebuild target that will not go live (the rebuild failed or was cancelled). Idempotent.
     *
     * @throws IllegalStateException if the alias points at it
     */
    void discardIndex(String indexName);

    /** Makes every write so far visible to searches of the live index (tests, after a batch that a user waits for). */
    void refresh();

    /** State of the cluster and the live index; never throws, reports an unreachable cluster as such. */
    IndexHealth health();
}

package vn.ccn.dms.search;

/**
 * The port through which the application indexes documents. The Elasticsearch adapter arrives with the
 * full-text search work; until then the indexing outbox keeps its rows pending.
 */
public interface DocumentIndex {

    /** Adds or replaces the entry of one document version. Idempotent for the same input. */
    void index(IndexedDocument document);

    /** Removes the entry of a document, if present. */
    void delete(String documentId);
}

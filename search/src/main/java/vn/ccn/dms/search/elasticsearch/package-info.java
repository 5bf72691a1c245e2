/**
 * The Elasticsearch adapter of the search port: the only code of the application that imports the
 * Elasticsearch Java client. {@link vn.ccn.dms.search.elasticsearch.ElasticsearchDocumentIndex} owns the
 * index definition (versioned indexes behind an alias, the {@code vi_folding} analyzer, the folded
 * number/symbol keyword) and turns {@link vn.ccn.dms.search.SearchQuery} into a security-trimmed request.
 * It uses only what a bare server offers (no scripts, ingest pipelines, reindex or delete-by-query), so the
 * same code runs against a production cluster and the embedded development node.
 */
package vn.ccn.dms.search.elasticsearch;

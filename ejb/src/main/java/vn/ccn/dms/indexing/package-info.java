/**
 * Full-text indexing and search of archived documents (issue 3): a worker drains the
 * {@code index-document} outbox, extracts text (Apache Tika, Tesseract OCR for scans) within limits,
 * records the text and the indexing state of each version, and sends index entries with their readers to
 * the search port; users search through {@link vn.ccn.dms.indexing.application.SearchService}, which
 * always passes the caller's principals so trimming happens inside the search engine.
 */
package vn.ccn.dms.indexing;

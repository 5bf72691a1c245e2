/**
 * Adapters of indexing: Apache Tika for text, the Tesseract command for OCR, the Elasticsearch adapter of the
 * {@code search} module wired from configuration, and the PDF (PDFBox) and XLSX (Apache POI) writers of
 * exported result lists.
 */
package vn.ccn.dms.indexing.infrastructure;

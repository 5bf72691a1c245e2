/** Tests of the indexing adapters against the real libraries (Tika, PDFBox, Tesseract when installed). */
package vn.ccn.dms.indexing.infrastructure;

/**
 * What indexing knows without any framework: extracted text and its limits, the state of a version in the
 * index, who may read an entry ({@link vn.ccn.dms.indexing.domain.Readers}), the parameters of a user's
 * search, and the ports to the text extractor and the OCR engine.
 */
package vn.ccn.dms.indexing.domain;

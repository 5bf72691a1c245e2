/**
 * Pages of the signing feature: the leader's inbox with batch signing (select many, one PIN entry, progress
 * and per-document result) and the Vietnamese validation report of a document's signed PDFs.
 */
package vn.ccn.dms.web.ui.sign;

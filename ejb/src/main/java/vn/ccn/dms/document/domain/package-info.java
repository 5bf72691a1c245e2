/** The document aggregate, its metadata values and the content-store port. */
package vn.ccn.dms.document.domain;

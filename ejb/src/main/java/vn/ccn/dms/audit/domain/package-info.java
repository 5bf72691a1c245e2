/** Audit entries and the hash chain rule that links each entry to the one before it in its chain. */
package vn.ccn.dms.audit.domain;

/**
 * The search port: plain records in, plain records out. The Elasticsearch adapter will be the only code
 * that speaks to Elasticsearch (issue 3); nothing here knows JPA or the domain.
 */
package vn.ccn.dms.search;

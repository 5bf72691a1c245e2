/**
 * Integration tests of full-text search (issue 3) against the EAR on Payara, PostgreSQL and a real Elasticsearch
 * node started for the test session by {@link vn.ccn.dms.it.search.EmbeddedSearchSession} in its own JVM.
 */
package vn.ccn.dms.it.search;

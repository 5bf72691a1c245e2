/**
 * An embedded single Elasticsearch node for development and tests: {@link
 * vn.ccn.dms.devstack.search.EmbeddedElasticsearch} starts it from the Maven Central server jars with the
 * plugins a distribution would otherwise bring (HTTP transport, the {@code asciifolding} filter, the root
 * endpoint). It relies on Elasticsearch internals of one pinned version and never ships in the EAR;
 * production points the search module at a real cluster by URL.
 */
package vn.ccn.dms.devstack.search;

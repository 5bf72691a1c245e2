/**
 * The search port: {@link vn.ccn.dms.search.DocumentIndex} and the plain records that cross it
 * ({@link vn.ccn.dms.search.IndexedDocument} in; {@link vn.ccn.dms.search.SearchPage},
 * {@link vn.ccn.dms.search.BulkResult} and {@link vn.ccn.dms.search.IndexHealth} out), plus the
 * {@link vn.ccn.dms.search.SearchSettings} that locate the cluster. Nothing here knows JPA, CDI or the
 * domain model, and nothing outside {@code vn.ccn.dms.search.elasticsearch} imports the Elasticsearch
 * client, so the EJB module wraps the port without depending on Elasticsearch types.
 */
package vn.ccn.dms.search;

/**
 * The work of indexing and searching: the outbox worker and its batches, the bounded extraction pool, the
 * rebuild with progress, searching as the current user, saved searches, exports and the health check.
 */
package vn.ccn.dms.indexing.application;

/** Unit tests of indexing logic that needs no container: index entries, settings and backoff. */
package vn.ccn.dms.indexing.application;

/** Unit tests of the indexing domain: readers, search parameters. */
package vn.ccn.dms.indexing.domain;

/** Agencies, functional roles and their dated assignments, users: the entities and their invariants. */
package vn.ccn.dms.directory.domain;

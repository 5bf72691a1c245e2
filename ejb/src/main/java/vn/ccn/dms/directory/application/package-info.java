/** Directory services: the transaction boundary for reading and maintaining agencies, roles and users. */
package vn.ccn.dms.directory.application;

/** Validation of our outputs by EU DSS 6.4, an independent implementation of ETSI EN 319 142-1. */
package vn.ccn.dms.pades.independent;

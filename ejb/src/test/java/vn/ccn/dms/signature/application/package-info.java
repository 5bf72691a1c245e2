/** Unit tests of the signing feature's settings and copy page lists. */
package vn.ccn.dms.signature.application;

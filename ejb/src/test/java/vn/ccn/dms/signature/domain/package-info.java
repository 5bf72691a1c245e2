/** Unit tests of the signing feature's values: layout, date of issue. */
package vn.ccn.dms.signature.domain;

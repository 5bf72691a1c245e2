/** Registers and number patterns. */
package vn.ccn.dms.register.domain;

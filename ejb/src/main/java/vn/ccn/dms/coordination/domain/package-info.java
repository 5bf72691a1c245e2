/** States and positions of opinion requests. */
package vn.ccn.dms.coordination.domain;

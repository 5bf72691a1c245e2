/** Integration tests of the working-day calendar against the deployed EAR. */
package vn.ccn.dms.it.calendar;

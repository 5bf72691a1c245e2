/** Issuing numbers from database-backed counters and producing register printouts. */
package vn.ccn.dms.register.application;

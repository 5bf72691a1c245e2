/**
 * Coordination between agencies (issue 5; Quy chế Art. 2.2): written opinion requests to the agencies holding
 * the required roles on the date, replies with their positions, reminders, and deemed consent at the deadline.
 */
package vn.ccn.dms.coordination;

/**
 * The working-day calendar: weekends, Vietnamese public holidays (including the lunar Tết and the Hùng Kings
 * commemoration), official swaps and extra days off, kept as data per year that an administrator confirms
 * against the official notice, and the deadline arithmetic (days, working days, pauses) built on it.
 */
package vn.ccn.dms.calendar;

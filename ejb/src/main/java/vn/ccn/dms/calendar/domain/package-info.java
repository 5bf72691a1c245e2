/**
 * Calendar rules without persistence: the Vietnamese lunisolar calendar computed from the astronomy, the
 * statutory holidays of the Labour Code 2019 proposed for a year, and {@link vn.ccn.dms.calendar.domain.WorkingCalendar},
 * the immutable calendar that counts days and working days and says which years it counted on unconfirmed data.
 */
package vn.ccn.dms.calendar.domain;

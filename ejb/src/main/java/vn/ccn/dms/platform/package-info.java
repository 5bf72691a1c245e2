/**
 * What every feature shares at run time: the data source and schema migration at start-up, the clock,
 * the typed settings, the caller's identity and origin, and the problem types of the application.
 */
package vn.ccn.dms.platform;

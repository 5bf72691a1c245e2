/**
 * Calendar services: the transaction boundary that loads calendar years for deadline computation and lets an
 * administrator propose, edit and confirm a year, every change audited.
 */
package vn.ccn.dms.calendar.application;

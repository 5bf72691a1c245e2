/** Procedures, steps, papers, rule sets and step time limits, read from the tables of migration V40. */
package vn.ccn.dms.procedure.domain;

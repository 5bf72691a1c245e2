/** Reading the catalogue, choosing the rule set in force on a filing date, and confirming rule sets. */
package vn.ccn.dms.procedure.application;

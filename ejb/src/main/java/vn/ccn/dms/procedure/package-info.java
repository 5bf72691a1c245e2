/**
 * The catalogue of procedures as data (issue 5): steps with their responsible functional roles, expected
 * documents and time limits versioned by rule set and chosen by the filing date (Quy chế Art. 16.1).
 */
package vn.ccn.dms.procedure;

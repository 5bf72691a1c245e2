/**
 * Dossiers at the one-stop desk (issue 5): reception with a checklist and a dossier code, states changed by
 * allowed roles, steps with clocks in working days from the rule set of the filing date, pauses while waiting
 * for supplements, the forms of Circular 03/2025/TT-VPCP, the public status page and the tracking board.
 */
package vn.ccn.dms.dossier;

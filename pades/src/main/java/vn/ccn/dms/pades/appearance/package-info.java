/**
 * What a signature looks like on the page, the way Decree 30/2020/NĐ-CP (Art. 13 and Appendix I) describes
 * it: the leader's signature image with position, name and time; the organisation's red seal at real size
 * overlapping the left third of the leader's image; and, for attachments in separate files, a text stamp
 * with the number/symbol and the ISO 8601 signing time at the top right of page 1. Text is set in an
 * embedded Liberation Serif subset (metric-compatible with Times New Roman) so that every Vietnamese letter renders in every viewer.
 */
package vn.ccn.dms.pades.appearance;

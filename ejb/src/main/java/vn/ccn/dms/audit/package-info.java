/**
 * The audit trail: who did what, when and from where, append-only and chained by hash so that a changed
 * or removed entry is detected (Decree 30/2020 Appendix VI: access logs; D07 of the obligations).
 */
package vn.ccn.dms.audit;

/**
 * Copies of issued documents to the agencies that must receive them by rule (issue 5): one copy of every
 * document about a CCN to the Department of Industry and Trade (Quy chế Art. 2.2.b), establishment decisions
 * to the Ministry (Decree 32/2024 Art. 10). A rule on the recipients list, tracked until received.
 */
package vn.ccn.dms.distribution;

/** Evaluating distribution rules when a document is issued or linked, delivering and acknowledging copies. */
package vn.ccn.dms.distribution.application;

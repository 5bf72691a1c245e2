/** Dossier states, actions, channels and the dossier code pattern. */
package vn.ccn.dms.dossier.domain;

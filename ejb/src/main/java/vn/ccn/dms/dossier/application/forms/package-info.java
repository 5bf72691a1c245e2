/**
 * The port through which the dossier code prints the one-stop desk forms of Circular 03/2025/TT-VPCP
 * (receipt and appointment slip, request for supplements, refusal, apology and new appointment, stop notice,
 * processing control slip, tracking book): one plain record per form carrying exactly what the paper form
 * shows, and the {@link vn.ccn.dms.dossier.application.forms.OneStopForms} interface that turns a record into
 * PDF bytes. Nothing here knows about PDF, JPA or CDI, so the dossier services can be tested against any
 * implementation.
 */
package vn.ccn.dms.dossier.application.forms;

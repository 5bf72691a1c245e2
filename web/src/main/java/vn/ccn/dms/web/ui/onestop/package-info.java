/**
 * Pages of the one-stop workflow (issue 5): the desk's dossier list and reception form with the procedure's
 * checklist, the dossier page with its step clocks, actions, opinion requests and printed forms, the coordinating
 * agency's inbox of opinion requests with the reply upload, the tracking board, the copies distributed by rule
 * (SCT's "Văn bản gửi để theo dõi") and the user's notifications. Each bean gathers input, calls the EJB
 * application services exactly as the REST resources do, and shows their Vietnamese refusals at the fields they
 * name; the services decide everything, page access by role is in {@link vn.ccn.dms.web.ui.PageAccess}.
 */
package vn.ccn.dms.web.ui.onestop;

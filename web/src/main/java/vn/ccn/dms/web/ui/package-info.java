/**
 * The Faces pages' backing beans: each page of the desk (login, document list, incoming registration,
 * document detail, outgoing draft, register printing) has one bean that gathers the user's input, calls the
 * EJB application services exactly as the REST resources do, and turns their refusals into Vietnamese
 * messages. No rules live here: the services decide, these beans only show; page access by role is checked
 * by {@link vn.ccn.dms.web.ui.PageAccessFilter} and again by the services themselves.
 */
package vn.ccn.dms.web.ui;

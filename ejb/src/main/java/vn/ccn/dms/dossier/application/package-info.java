/** Reception, transitions, steps and clocks, views, forms and the tracking board of dossiers. */
package vn.ccn.dms.dossier.application;

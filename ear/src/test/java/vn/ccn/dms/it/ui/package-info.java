/**
 * Tests of the Faces pages in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the EAR deployed on Payara with PostgreSQL: a person's path through login, incoming registration,
 * duplicates, outgoing numbering, register printing, and the refusals shown to lower roles and other agencies.
 * Screenshots of each main page land in {@code target/screenshots/} for a person to look at.
 */
package vn.ccn.dms.it.ui;

/**
 * Local services for the run command and the integration tests, never packaged in the EAR: a real PostgreSQL
 * started from jars ({@link vn.ccn.dms.devstack.DevDatabase}), the unpacked Payara Server domain driven through
 * asadmin ({@link vn.ccn.dms.devstack.PayaraDomain}), and the run command itself
 * ({@link vn.ccn.dms.devstack.DevStack}), which composes them, loads the demo data and stops everything it
 * started on Ctrl-C.
 */
package vn.ccn.dms.devstack;

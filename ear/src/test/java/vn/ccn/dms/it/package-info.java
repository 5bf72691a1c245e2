/**
 * Integration tests: each deploys the EAR actually built to a real Payara Server on a real PostgreSQL
 * (embedded, started once per test session) and drives it through HTTP and a real browser.
 */
package vn.ccn.dms.it;

/**
 * Integration tests of digital signatures (issue 4) on the real Payara and PostgreSQL: the two-step issuance
 * with a SoftHSM2 token, batch signing, the external-signature path, electronic copies, and the validation of
 * received PDFs, with EU DSS and poppler's pdfsig as independent validators. A throw-away PKI runs in the test
 * JVM on a reserved port; Payara is configured with its TSA address and reads its root from the trust-anchor
 * directory.
 */
package vn.ccn.dms.it.signing;

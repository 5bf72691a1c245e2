/** Integration tests against real system tools: a SoftHSM2 PKCS#11 token and poppler pdfsig. */
package vn.ccn.dms.pades.tools;

/**
 * Revocation information (RFC 6960 OCSP and RFC 5280 CRLs): fetching it from the addresses in certificates,
 * and checking a response (its signature, its responder, the status of one certificate at a given time).
 * Signing uses it to refuse revoked signers and to fill the PAdES document security store; validation uses
 * it to decide whether a certificate was revoked at signing time.
 */
package vn.ccn.dms.pades.revocation;
